package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordRetractions;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code DELETE} of a clinical resource in a legal health record: nothing is removed. The resource
 * gets one more version, entered in error: a fact is retracted in the record ({@link RecordRetractions}),
 * a note marked entered-in-error and its deletion kept in {@link Deletions}. Later reads answer 410 Gone, searches leave it out, and
 * {@code _history} and its Provenance keep every version. Needs the same rights as an update, audited.
 * An encounter takes what was filed on it along ({@link EncounterFactsRetraction}), each audited.
 */
@Component
final class ResourceDeletes {
    static final List<String> DELETABLE = List.of("Encounter", "Condition", "Procedure", "Observation",
            "DocumentReference");

    private final WriteAccess access;
    private final ClinicalQueries queries;
    private final RecordRetractions retractions;
    private final DocumentRepository documents;
    private final Deletions deletions;
    private final EncounterFactsRetraction encounterFacts;
    private final TransactionTemplate tx;

    ResourceDeletes(WriteAccess access, ClinicalQueries queries, RecordRetractions retractions, DocumentRepository documents,
                    Deletions deletions, EncounterFactsRetraction encounterFacts, TransactionTemplate tx) {
        this.encounterFacts = encounterFacts;
        this.access = access;
        this.queries = queries;
        this.retractions = retractions;
        this.documents = documents;
        this.deletions = deletions;
        this.tx = tx;
    }

    MethodOutcome delete(IIdType id) {
        String type = id.getResourceType();
        CustodianUser user = access.writer(type);
        UUID uuid = FhirIds.uuid(id);
        UUID patientId = queries.patientOf(ResourceUpdates.KINDS.get(type), uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        access.requirePart(user, AuditAction.DELETE, patientId, type, ResourceUpdates.KINDS.get(type), uuid);
        String source = "DELETE " + type + "/" + uuid;
        List<EncounterFactsRetraction.Retracted> alongside = new ArrayList<>();
        Integer version = tx.execute(status -> {
            if (deletions.find(uuid).isPresent()) {
                return null; // deleting again changes nothing (FHIR: still a success)
            }
            Provenance by = Provenance.now(ResourceWrites.SOURCE, source, user.getUsername());
            String reason = "deleted through the FHIR API by " + user.getUsername();
            if (type.equals("DocumentReference")) {
                int made = retractDocument(uuid, reason, by);
                deletions.recordDocument(uuid, made, user.getUsername(), source);
                return made;
            }
            if (type.equals("Encounter")) {
                alongside.addAll(encounterFacts.retract(patientId, uuid, reason + " with its encounter " + uuid, by));
            }
            return retractions.retract(ResourceHistory.fact(type), uuid, reason, by)
                    .map(RecordRetractions.Retraction::version).orElse(null);
        });
        String message;
        if (version == null) {
            message = type + "/" + uuid + " was deleted (entered in error) already";
        } else {
            message = type + "/" + uuid + " is marked entered-in-error as version " + version
                    + "; the record keeps it and every earlier version";
            access.written(user, AuditAction.DELETE, patientId, type, uuid.toString(), "delete " + type + "/" + uuid
                    + ": marked entered-in-error as version " + version + ", nothing removed"
                    + (alongside.isEmpty() ? "" : "; " + alongside.size() + " resources filed on it with it"));
            for (EncounterFactsRetraction.Retracted r : alongside) {
                access.written(user, AuditAction.DELETE, patientId, r.type(), r.id().toString(), "delete " + type + "/"
                        + uuid + ": " + r.type() + "/" + r.id() + " filed on it marked entered-in-error as version "
                        + r.version());
            }
            if (!alongside.isEmpty()) {
                message += "; so are the " + alongside.size() + " resources filed on it ("
                        + alongside.stream().map(r -> r.type() + "/" + r.id()).collect(Collectors.joining(", "))
                        + ")";
            }
        }
        OperationOutcome outcome = FhirErrors.outcome(OperationOutcome.IssueType.INFORMATIONAL, null, message);
        outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        MethodOutcome answer = new MethodOutcome(new IdType(type, uuid.toString()), outcome);
        answer.setResponseStatusCode(200);
        return answer;
    }

    /** A note is retracted in the record too (hidden from the chart); one already retracted stays as it is. */
    private int retractDocument(UUID id, String reason, Provenance by) {
        ClinicalDocument current = documents.find(id).orElseThrow();
        if (current.isEnteredInError()) {
            return current.current().version();
        }
        return documents.markEnteredInError(id, current.current().version(), reason, by).current().version();
    }
}
