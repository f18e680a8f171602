package org.custodian.interop.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterRepository;
import org.custodian.record.Mrn;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Component;

/**
 * A new resource written through the record's writers with provenance ("FHIR API", by the user)
 * and an audit event, in the caller's transaction. A new Patient with possible duplicates is put
 * in the master patient index's review queue at once.
 */
@Component
final class ResourceCreates {
    private final WriteAccess access;
    private final IncomingPatients incomingPatients;
    private final IncomingFacts facts;
    private final RecordWriter writer;
    private final PatientIdentity identity;
    private final EncounterRepository encounters;

    ResourceCreates(WriteAccess access, IncomingPatients incomingPatients, IncomingFacts facts, RecordWriter writer,
                    PatientIdentity identity, EncounterRepository encounters) {
        this.encounters = encounters;
        this.access = access;
        this.incomingPatients = incomingPatients;
        this.facts = facts;
        this.writer = writer;
        this.identity = identity;
    }

    /** Writes a validated new resource with the given id. */
    /**
     * Decides a new fact's write: the patient's record, and the labels of the encounter it is filed on.
     * Called before the write's transaction opens too, so that a refusal's audit event is not rolled back.
     */
    void requireWritable(CustodianUser user, JsonNode json) {
        String type = json.path("resourceType").asText();
        if (!type.equals("Patient")) {
            requireWritable(user, json, type, facts.knownPatient(json, type));
        }
    }

    private void requireWritable(CustodianUser user, JsonNode json, String type, UUID patientId) {
        UUID filedOn = facts.encounterReference(json, type, patientId);
        if (filedOn == null) {
            access.requirePatient(user, AuditAction.CREATE, patientId, type);
        } else {
            access.requirePart(user, AuditAction.CREATE, patientId, type, ClinicalQueries.Kind.ENCOUNTER, filedOn);
        }
    }

    ResourceWrites.Written create(CustodianUser user, JsonNode json, UUID id, String sourceRef) {
        String type = json.path("resourceType").asText();
        Provenance provenance = Provenance.now(ResourceWrites.SOURCE, sourceRef, user.getUsername());
        UUID patientId;
        if (type.equals("Patient")) {
            patientId = id;
            var patient = incomingPatients.demographics(json, id);
            List<Mrn> mrns = incomingPatients.requiredMrns(json, id, user);
            RecordWriter.Batch batch = writer.batch().patient(patient, PatientMapping.ssn(json), provenance);
            mrns.forEach(mrn -> batch.identifier(id, mrn));
            batch.flush();
            int queued = identity.flagPossibleDuplicates(id, mrns.getFirst().facilityId());
            if (queued > 0) {
                String note = "created; the master patient index found " + queued + " possible duplicate(s),"
                        + " queued for review";
                access.written(user, AuditAction.CREATE, id, type, id.toString(), "create " + type + "/" + id + ": " + note);
                return new ResourceWrites.Written(type, id, 1, true, note);
            }
        } else {
            patientId = facts.knownPatient(json, type);
            requireWritable(user, json, type, patientId);
            RecordWriter.Batch batch = writer.batch();
            Encounter encounter = type.equals("Encounter") ? facts.encounter(json, id, patientId) : null;
            switch (type) {
                case "Encounter" -> batch.encounter(encounter, provenance);
                case "Condition" -> batch.diagnosis(facts.diagnosis(json, id, patientId), provenance);
                case "Procedure" -> batch.procedure(facts.procedure(json, id, patientId), provenance);
                case "Observation" -> batch.observation(facts.observation(json, id, patientId), provenance);
                case "DocumentReference" -> batch.document(facts.document(json, id, patientId, provenance));
                default -> throw new IllegalStateException("not writable: " + type);
            }
            batch.flush();
            if (encounter != null) {
                var doctors = facts.doctors(json);
                encounters.assignDoctors(encounter, doctors.admittingId(), doctors.referringId());
            }
        }
        access.written(user, AuditAction.CREATE, patientId, type, id.toString(), "create " + type + "/" + id);
        return new ResourceWrites.Written(type, id, 1, true);
    }
}
