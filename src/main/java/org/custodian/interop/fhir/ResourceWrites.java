package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.FactCorrections;
import org.custodian.record.Mrn;
import org.custodian.record.PatientRepository;
import org.custodian.record.PatientUpdates;
import org.custodian.record.Provenance;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordVersions.Fact;
import org.custodian.record.RecordWriter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and updates of single resources through the record's writers, with provenance ("FHIR
 * API", by the signed-in user) and an audit event. A resource is first checked against the base R4
 * profiles; then the access decision; then it is written in one transaction (joining the caller's,
 * for transaction bundles). An update keeps what it replaces as an earlier version.
 */
@Component
final class ResourceWrites {
    static final String SOURCE = "FHIR API";
    static final List<String> WRITABLE =
            List.of("Patient", "Encounter", "Condition", "Procedure", "Observation", "DocumentReference");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Fact> FACTS = Map.of("Encounter", Fact.ENCOUNTER, "Condition", Fact.DIAGNOSIS,
            "Procedure", Fact.PROCEDURE, "Observation", Fact.OBSERVATION);
    private static final Map<String, ClinicalQueries.Kind> KINDS = Map.of("Encounter", ClinicalQueries.Kind.ENCOUNTER,
            "Condition", ClinicalQueries.Kind.DIAGNOSIS, "Procedure", ClinicalQueries.Kind.PROCEDURE,
            "Observation", ClinicalQueries.Kind.OBSERVATION, "DocumentReference", ClinicalQueries.Kind.DOCUMENT);

    /** Where a write landed: the resource's id and the version it now has, with a note for the client if any. */
    record Written(String type, UUID id, int version, boolean created, String note) {
        Written(String type, UUID id, int version, boolean created) {
            this(type, id, version, created, null);
        }
    }

    private final FhirContext fhir;
    private final EntryValidator validator;
    private final WriteAccess access;
    private final IncomingPatients incomingPatients;
    private final IncomingFacts facts;
    private final RecordWriter writer;
    private final PatientRepository patients;
    private final PatientUpdates patientUpdates;
    private final FactCorrections corrections;
    private final DocumentRepository documents;
    private final ClinicalQueries queries;
    private final RecordVersions versions;
    private final TransactionTemplate tx;
    private final Deletions deletions;
    private final PatientIdentity identity;

    ResourceWrites(FhirContext fhir, EntryValidator validator, WriteAccess access, IncomingPatients incomingPatients,
                   IncomingFacts facts, RecordWriter writer, PatientRepository patients, PatientUpdates patientUpdates,
                   FactCorrections corrections, DocumentRepository documents, ClinicalQueries queries,
                   RecordVersions versions, TransactionTemplate tx, Deletions deletions, PatientIdentity identity) {
        this.deletions = deletions;
        this.identity = identity;
        this.fhir = fhir;
        this.validator = validator;
        this.access = access;
        this.incomingPatients = incomingPatients;
        this.facts = facts;
        this.writer = writer;
        this.patients = patients;
        this.patientUpdates = patientUpdates;
        this.corrections = corrections;
        this.documents = documents;
        this.queries = queries;
        this.versions = versions;
        this.tx = tx;
    }

    /** Creates the resource; a Patient the MPI certainly knows already is linked to that patient instead. */
    Written create(IBaseResource resource, UUID id) {
        CustodianUser user = access.writer(fhir.getResourceType(resource));
        JsonNode json = validated(resource);
        String source = "POST " + json.path("resourceType").asText();
        return tx.execute(status -> {
            if (json.path("resourceType").asText().equals("Patient")) {
                Optional<PatientIdentity.Link> link = certainMatch(user, json);
                if (link.isPresent()) {
                    return link(user, json, link.get(), source);
                }
            }
            return create(user, json, id, source);
        });
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
    Written link(CustodianUser user, JsonNode json, PatientIdentity.Link link, String sourceRef) {
        UUID id = link.patientId();
        access.requirePatient(user, AuditAction.CREATE, id, "Patient");
        List<Mrn> known = patients.identifiers(id);
        List<Mrn> added = incomingPatients.mrns(json, id, user).stream().filter(mrn -> !known.contains(mrn)).toList();
        added.forEach(mrn -> patients.addIdentifier(id, mrn));
        String note = String.format(java.util.Locale.ROOT, "the master patient index matched this patient to Patient/%s"
                + " (weight %.1f): linked to it instead of creating a duplicate%s", id, link.weight(),
                added.isEmpty() ? "" : "; " + added.size() + " new MRN(s) added to it");
        access.written(user, AuditAction.CREATE, id, "Patient", id.toString(), sourceRef + ": " + note);
        return new Written("Patient", id, versions.patientStamps(List.of(id)).get(id).version(), false, note);
    }

    Written update(IBaseResource resource, UUID id, String expectedVersion) {
        CustodianUser user = access.writer(fhir.getResourceType(resource));
        JsonNode json = validated(resource);
        return tx.execute(status -> update(user, json, id, expectedVersion,
                "PUT " + json.path("resourceType").asText() + "/" + id));
    }

    /** The resource as JSON, once it passed the base R4 profiles; else 422 naming every element at fault. */
    JsonNode validated(IBaseResource resource) {
        List<EntryValidator.Problem> errors = problems(resource);
        if (!errors.isEmpty()) {
            throw FhirErrors.unprocessable(errors);
        }
        return json(resource);
    }

    /** What keeps the resource out of the record: a type it does not take, or errors against the base R4 profiles. */
    List<EntryValidator.Problem> problems(IBaseResource resource) {
        String type = fhir.getResourceType(resource);
        if (!WRITABLE.contains(type)) {
            return List.of(new EntryValidator.Problem(type, "the record takes " + String.join(", ", WRITABLE)
                    + " through this API"));
        }
        return validator.errors(fhir.newJsonParser().encodeResourceToString(resource));
    }

    JsonNode json(IBaseResource resource) {
        String json = fhir.newJsonParser().encodeResourceToString(resource);
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote JSON that does not parse", e);
        }
    }

    /** Writes a validated new resource with the given id, in the caller's transaction. */
    Written create(CustodianUser user, JsonNode json, UUID id, String sourceRef) {
        String type = json.path("resourceType").asText();
        Provenance provenance = Provenance.now(SOURCE, sourceRef, user.getUsername());
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
                return new Written(type, id, 1, true, note);
            }
        } else {
            patientId = knownPatient(json, type);
            access.requirePatient(user, AuditAction.CREATE, patientId, type);
            RecordWriter.Batch batch = writer.batch();
            switch (type) {
                case "Encounter" -> batch.encounter(facts.encounter(json, id, patientId), provenance);
                case "Condition" -> batch.diagnosis(facts.diagnosis(json, id, patientId), provenance);
                case "Procedure" -> batch.procedure(facts.procedure(json, id, patientId), provenance);
                case "Observation" -> batch.observation(facts.observation(json, id, patientId), provenance);
                case "DocumentReference" -> batch.document(facts.document(json, id, patientId, provenance));
                default -> throw new IllegalStateException("not writable: " + type);
            }
            batch.flush();
        }
        access.written(user, AuditAction.CREATE, patientId, type, id.toString(), "create " + type + "/" + id);
        return new Written(type, id, 1, true);
    }

    /** Writes a validated new state of an existing resource, in the caller's transaction. */
    Written update(CustodianUser user, JsonNode json, UUID id, String expectedVersion, String sourceRef) {
        String type = json.path("resourceType").asText();
        String jsonId = text(json, "/id");
        if (jsonId != null && !jsonId.equals(id.toString())) {
            throw FhirErrors.unprocessable(type + ".id", "is " + jsonId + " but the update is for " + type + "/" + id);
        }
        Provenance provenance = Provenance.now(SOURCE, sourceRef, user.getUsername());
        UUID patientId = type.equals("Patient") ? patients.find(id).map(p -> id).orElse(null)
                : queries.patientOf(KINDS.get(type), id).orElse(null);
        if (patientId == null) {
            throw new ResourceNotFoundException(type + "/" + id + " is not in the record; create it with POST");
        }
        access.requirePatient(user, AuditAction.UPDATE, patientId, type);
        deletions.find(id).ifPresent(d -> {
            throw ResourceHistory.gone(d);
        });
        if (!type.equals("Patient") && !patientId.equals(knownPatient(json, type))) {
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
        return new Written(type, id, version, false);
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
        Fact fact = FACTS.get(type);
        requireVersion(type, id, expected, versions.factStamps(fact, List.of(id)).get(id).version());
        switch (type) {
            case "Encounter" -> {
                var e = facts.encounter(json, id, patientId);
                if (!queries.encounter(id).orElseThrow().equals(e)) {
                    corrections.replace(e, provenance);
                }
            }
            case "Condition" -> {
                var d = facts.diagnosis(json, id, patientId);
                var current = queries.diagnosis(id).orElseThrow();
                // coding work (sequence, POA, principal) is the coder's, not the sender's: kept as it was
                var corrected = new org.custodian.record.Diagnosis(id, patientId, d.encounterId(), d.code(),
                        current.poa(), current.sequence(), current.principal(), d.onsetAt(), d.resolvedAt());
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

    private UUID knownPatient(JsonNode json, String type) {
        UUID patientId = IncomingFacts.patientOf(json, type);
        if (patients.find(patientId).isEmpty()) {
            throw FhirErrors.unprocessable(type + ".subject.reference", "Patient/" + patientId + " is not in the record");
        }
        return patientId;
    }

    /** If-Match: the update must be to the version the client last saw. */
    private static void requireVersion(String type, UUID id, String expected, int current) {
        if (expected != null && !expected.isBlank() && !expected.equals(String.valueOf(current))) {
            throw new PreconditionFailedException(type + "/" + id + " is at version " + current
                    + ", not " + expected + " (If-Match); read it again and resend");
        }
    }
}
