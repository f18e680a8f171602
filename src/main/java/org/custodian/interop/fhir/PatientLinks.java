package org.custodian.interop.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Mrn;
import org.custodian.record.PatientRepository;
import org.custodian.record.RecordVersions;
import org.springframework.stereotype.Component;

/** An incoming Patient the master patient index certainly knows already: linked to that patient instead of created. */
@Component
final class PatientLinks {
    private final IncomingPatients incomingPatients;
    private final PatientIdentity identity;
    private final WriteAccess access;
    private final PatientRepository patients;
    private final RecordVersions versions;

    PatientLinks(IncomingPatients incomingPatients, PatientIdentity identity, WriteAccess access,
                 PatientRepository patients, RecordVersions versions) {
        this.incomingPatients = incomingPatients;
        this.identity = identity;
        this.access = access;
        this.patients = patients;
        this.versions = versions;
    }

    /**
     * The existing patient an incoming Patient certainly is (MPI auto-link), if the user may write to
     * that record; one they may not is not revealed: the new patient is created and queued for review.
     */
    Optional<PatientIdentity.Link> certainMatch(CustodianUser user, JsonNode json) {
        var incoming = incomingPatients.demographics(json, UUID.randomUUID());
        return identity.certainMatch(incoming, PatientMapping.ssn(json), incomingPatients.facilityOf(json))
                .filter(link -> access.mayWrite(user, link.patientId()));
    }

    /** An incoming Patient linked to the existing one: its new MRNs are added there, nothing else changes. */
    ResourceWrites.Written link(CustodianUser user, JsonNode json, PatientIdentity.Link link, String sourceRef) {
        UUID id = link.patientId();
        access.requirePatient(user, AuditAction.CREATE, id, "Patient");
        List<Mrn> known = patients.identifiers(id);
        List<Mrn> added = incomingPatients.mrns(json, id, user).stream().filter(mrn -> !known.contains(mrn)).toList();
        added.forEach(mrn -> patients.addIdentifier(id, mrn));
        String note = String.format(Locale.ROOT, "the master patient index matched this patient to Patient/%s"
                + " (weight %.1f): linked to it instead of creating a duplicate%s", id, link.weight(),
                added.isEmpty() ? "" : "; " + added.size() + " new MRN(s) added to it");
        access.written(user, AuditAction.CREATE, id, "Patient", id.toString(), sourceRef + ": " + note);
        return new ResourceWrites.Written("Patient", id, versions.patientStamps(List.of(id)).get(id).version(), false,
                note);
    }
}
