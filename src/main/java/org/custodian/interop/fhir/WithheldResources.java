package org.custodian.interop.fhir;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * Leaves out of a patient's resources the encounters and documents whose own sensitivity labels
 * keep the caller out ({@code PhiAccess.readRecordWithout}), with the diagnoses, procedures, results
 * and notes of those encounters, as the web chart does.
 */
final class WithheldResources {
    private WithheldResources() {
    }

    static boolean shown(IBaseResource resource, Set<UUID> withheld) {
        if (withheld.isEmpty()) {
            return true;
        }
        Stream<Reference> encounters = switch (resource) {
            case Condition c -> Stream.of(c.getEncounter());
            case Procedure p -> Stream.of(p.getEncounter());
            case Observation o -> Stream.of(o.getEncounter());
            case DocumentReference d -> d.getContext().getEncounter().stream();
            default -> Stream.empty();
        };
        return !withheld(resource.getIdElement().getIdPart(), withheld)
                && encounters.noneMatch(ref -> withheld(ref.getReferenceElement().getIdPart(), withheld));
    }

    private static boolean withheld(String idPart, Set<UUID> withheld) {
        UUID id = FhirIds.parse(idPart);
        return id != null && withheld.contains(id);
    }
}
