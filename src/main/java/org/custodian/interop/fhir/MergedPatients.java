package org.custodian.interop.fhir;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.mpi.PatientMerges;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Repository;

/**
 * Patients the MPI merged away (retired into a survivor, {@code mpi_identity.merged_into}): hidden
 * from Patient searches, still readable by id as inactive with a {@code replaced-by} link to the
 * survivor.
 */
@Repository
class MergedPatients {
    private final PatientMerges merges;

    MergedPatients(PatientMerges merges) {
        this.merges = merges;
    }

    /** The survivor of each named patient that was merged away; patients not merged are left out. */
    Map<UUID, UUID> survivors(Collection<UUID> patientIds) {
        return merges.survivorsOf(patientIds);
    }

    /** The patients without those merged away, in their order. */
    <T> List<T> withoutRetired(List<T> patients, java.util.function.Function<T, UUID> id) {
        Map<UUID, UUID> retired = survivors(patients.stream().map(id).toList());
        return retired.isEmpty() ? patients : patients.stream().filter(p -> !retired.containsKey(id.apply(p))).toList();
    }

    /** Marks the resources of retired patients inactive, linked to their survivors. */
    <R extends Patient> List<R> linked(List<R> resources) {
        Map<UUID, UUID> survivors = survivors(resources.stream().map(r -> UUID.fromString(r.getIdElement().getIdPart()))
                .toList());
        for (R resource : resources) {
            UUID survivor = survivors.get(UUID.fromString(resource.getIdElement().getIdPart()));
            if (survivor != null) {
                resource.setActive(false);
                resource.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/" + survivor));
            }
        }
        return resources;
    }
}
