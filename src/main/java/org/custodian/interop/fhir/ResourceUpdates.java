package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentRepository;
import org.custodian.record.EncounterRepository;
import org.custodian.record.FactCorrections;
import org.custodian.record.Mrn;
import org.custodian.record.PatientRepository;
import org.custodian.record.PatientUpdates;
import org.custodian.record.Provenance;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordVersions.Fact;
import org.springframework.stereotype.Component;

/**
 * A new state of a resource in the record, in the caller's transaction: what it replaces is kept
 * as an earlier version (a fact's row in {@code fact_version}, a note's earlier version). An update
 * must name the version the client last saw (If-Match), if it names one; a fact stays in its
 * patient's record; a deleted resource answers 410.
 */
@Component
final class ResourceUpdates {
    /** The record's kind of each clinical resource type. */
    static final Map<String, ClinicalQueries.Kind> KINDS = Map.of("Encounter", ClinicalQueries.Kind.ENCOUNTER,
            "Condition", ClinicalQueries.Kind.DIAGNOSIS, "Procedure", ClinicalQueries.Kind.PROCEDURE,
            "Observation", ClinicalQueries.Kind.OBSERVATION, "DocumentReference", ClinicalQueries.Kind.DOCUMENT);

    private final WriteAccess access;
    private final IncomingPatients incomingPatients;
    private final IncomingFacts facts;
    private final PatientRepository patients;
    private final PatientUpdates patientUpdates;
    private final FactCorrections corrections;
    private final DocumentRepository documents;
    private final ClinicalQueries queries;
    private final RecordVersions versions;
    private final Deletions deletions;
    private final EncounterRepository encounters;

    ResourceUpdates(WriteAccess access, IncomingPatients incomingPatients, IncomingFacts facts,
                    PatientRepository patients, PatientUpdates patientUpdates, FactCorrections corrections,
                    DocumentRepository documents, ClinicalQueries queries, RecordVersions versions, Deletions deletions,
                    EncounterRepository encounters) {
        this.encounters = encounters;
        this.access = access;
        this.incomingPatients = incomingPatients;
        this.facts = facts;
        this.patients = patients;
        this.patientUpdates = patientUpdates;
        this.corrections = corrections;
        this.documents = documents;
        this.queries = queries;
        this.versions = versions;
        this.deletions = deletions;
    }

    /**
     * Decides the write before its transaction opens, so that a refusal's audit event is not rolled back
     * with it: the resource's own and its encounter's labels count (the patient's for a Patient). An
     * unknown resource passes here; {@link #update} answers it.
     */
    void requireWritable(CustodianUser user, String type, UUID id) {
        if (type.equals("Patient")) {
            if (patients.find(id).isPresent()) {
                access.requirePatient(user, AuditAction.UPDATE, id, type);
            }
            return;
        }
        queries.patientOf(KINDS.get(type), id)
                .ifPresent(patientId -> access.requirePart(user, AuditAction.UPDATE, patientId, type, KINDS.get(type), id));
    }

    /** Writes a validated new state of an existing resource. */
    ResourceWrites.Written update(CustodianUser user, JsonNode json, UUID id, String expectedVersion, String sourceRef) {
        String type = json.path("resourceType").asText();
        String jsonId = text(json, "/id");
        if (jsonId != null && !jsonId.equals(id.toString())) {
            throw FhirErrors.unprocessable(type + ".id", "is " + jsonId + " but the update is for " + type + "/" + id);
        }
        Provenance provenance = Provenance.now(ResourceWrites.SOURCE, sourceRef, user.getUsername());
        UUID patientId = type.equals("Patient") ? patients.find(id).map(p -> id).orElse(null)
                : queries.patientOf(KINDS.get(type), id).orElse(null);
        if (patientId == null) {
            throw new ResourceNotFoundException(type + "/" + id + " is not in the record; create it with POST");
        }
        if (type.equals("Patient")) {
            access.requirePatient(user, AuditAction.UPDATE, patientId, type);
        } else {
            access.requirePart(user, AuditAction.UPDATE, patientId, type, KINDS.get(type), id);
        }
        deletions.find(id).ifPresent(d -> {
            throw ResourceHistory.gone(d);
        });
        if (!type.equals("Patient") && !patientId.equals(facts.knownPatient(json, type))) {
            throw FhirErrors.unprocessable(type + ".subject.reference", "is Patient/" + patientId
                    + " in the record; a fact stays in its patient's record");
        }
        int version = switch (type) {
            case "Patient" -> updatePatient(user, json, id, expectedVersion, provenance);
            case "DocumentReference" -> updateDocument(json, id, patientId, expectedVersion, provenance);
            default -> updateFact(type, json, id, patientId, expectedVersion, provenance);
        };
        access.written(user, AuditAction.UPDATE, patientId, type, id.toString(),
                "update " + type + "/" + id + " to version " + version);
        return new ResourceWrites.Written(type, id, version, false);
    }

    private int updatePatient(CustodianUser user, JsonNode json, UUID id, String expected, Provenance provenance) {
        requireVersion("Patient", id, expected, versions.patientStamps(List.of(id)).get(id).version());
        List<Mrn> known = patients.identifiers(id);
        incomingPatients.mrns(json, id, user).stream().filter(mrn -> !known.contains(mrn))
                .forEach(mrn -> patients.addIdentifier(id, mrn));
        patientUpdates.replaceDemographics(incomingPatients.demographics(json, id), provenance);
        return versions.patientStamps(List.of(id)).get(id).version();
    }

    private int updateFact(String type, JsonNode json, UUID id, UUID patientId, String expected, Provenance provenance) {
        Fact fact = ResourceHistory.fact(type);
        requireVersion(type, id, expected, versions.factStamps(fact, List.of(id)).get(id).version());
        switch (type) {
            case "Encounter" -> {
                var e = facts.encounter(json, id, patientId);
                if (!queries.encounter(id).orElseThrow().equals(e)) {
                    corrections.replace(e, provenance);
                }
                // an update without them keeps the admitting and referring doctors the record has, as HL7 A08 does
                var doctors = facts.doctors(json);
                encounters.assignDoctors(e, doctors.admittingId(), doctors.referringId());
            }
            case "Condition" -> {
                var d = facts.diagnosis(json, id, patientId);
                var current = queries.diagnosis(id).orElseThrow();
                // coding work (sequence, POA, principal) is the coder's, not the sender's: kept as it was
                var corrected = new Diagnosis(id, patientId, d.encounterId(), d.code(), current.poa(), current.sequence(),
                        current.principal(), d.onsetAt(), d.resolvedAt());
                if (!current.equals(corrected)) {
                    corrections.replace(corrected, provenance);
                }
            }
            case "Procedure" -> {
                var p = facts.procedure(json, id, patientId);
                if (!queries.procedure(id).orElseThrow().equals(p)) {
                    corrections.replace(p, provenance);
                }
            }
            case "Observation" -> {
                var o = facts.observation(json, id, patientId);
                if (!queries.observation(id).orElseThrow().equals(o)) {
                    corrections.replace(o, provenance);
                }
            }
            default -> throw new IllegalStateException("not a fact: " + type);
        }
        return versions.factStamps(fact, List.of(id)).get(id).version();
    }

    /** A new document version: entered-in-error retracts it, a new text revises it; the same text adds nothing. */
    private int updateDocument(JsonNode json, UUID id, UUID patientId, String expected, Provenance provenance) {
        ClinicalDocument current = documents.find(id).orElseThrow();
        int version = current.current().version();
        requireVersion("DocumentReference", id, expected, version);
        String reason = "corrected through the FHIR API by " + provenance.recordedBy();
        if ("entered-in-error".equals(text(json, "/status"))) {
            return current.isEnteredInError() ? version
                    : documents.markEnteredInError(id, version, reason, provenance).current().version();
        }
        ClinicalDocument sent = facts.document(json, id, patientId, provenance);
        if (sent.current().body().equals(current.current().body())) {
            return version;
        }
        return documents.revise(id, version, sent.current().body(), reason, provenance).current().version();
    }

    /** If-Match: the update must be to the version the client last saw. */
    private static void requireVersion(String type, UUID id, String expected, int current) {
        if (expected != null && !expected.isBlank() && !expected.equals(String.valueOf(current))) {
            throw new PreconditionFailedException(type + "/" + id + " is at version " + current
                    + ", not " + expected + " (If-Match); read it again and resend");
        }
    }
}
