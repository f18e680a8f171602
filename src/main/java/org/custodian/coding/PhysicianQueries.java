package org.custodian.coding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Physician queries: a coder asks the attending (or an author of the encounter's notes) to clarify
 * the documentation, which puts the case on hold; the physician's answer is filed in the legal
 * record as a signed document of the encounter (an addendum to its newest note) and releases the hold.
 */
@Service
public class PhysicianQueries {
    static final int MAX_TEXT = 4000;
    static final String SOURCE = "custodian-coding";

    private final CodingQueue queue;
    private final CaseRepository cases;
    private final QueryRepository queries;
    private final CodingAccess access;
    private final UserAccounts accounts;
    private final RecordWriter writer;
    private final DocumentRepository documents;
    private final JdbcClient jdbc;

    PhysicianQueries(CodingQueue queue, CaseRepository cases, QueryRepository queries, CodingAccess access, UserAccounts accounts,
                     RecordWriter writer, DocumentRepository documents, JdbcClient jdbc) {
        this.queue = queue;
        this.cases = cases;
        this.queries = queries;
        this.access = access;
        this.accounts = accounts;
        this.writer = writer;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    @Transactional
    public List<Recipient> recipients(CustodianUser user, UUID encounterId) {
        return queries.recipients(queue.open(user, encounterId).encounterId());
    }

    @Transactional
    public PhysicianQuery raise(CustodianUser user, UUID encounterId, UUID practitionerId, String question) {
        CaseRepository.CaseRow row = queue.open(user, encounterId);
        String text = requireText(question, "question");
        if (practitionerId == null || queries.recipients(encounterId).stream()
                .noneMatch(r -> r.practitionerId().equals(practitionerId))) {
            throw new CodingRefused("address the query to the attending or to an author of this encounter's notes");
        }
        PhysicianQuery query = new PhysicianQuery(UUID.randomUUID(), encounterId, row.patientId(), practitionerId, null,
                text, user.getUsername(), Instant.now(), PhysicianQuery.Status.OPEN, null, null, null, null);
        queries.insert(query);
        queue.move(user, row, CodingStatus.ON_HOLD_QUERY, "physician query raised");
        access.record(user, AuditAction.CREATE, AuditOutcome.SUCCESS, row.patientId(), encounterId.toString(),
                "physician query " + query.id() + " to practitioner " + practitionerId);
        return query;
    }

    /** The signed-in physician's open queries. */
    @Transactional
    public QueryInbox inbox(CustodianUser user) {
        access.require(user, Permission.ANSWER_QUERIES, "answering physician queries");
        Optional<UUID> practitioner = accounts.practitionerOf(user.getUsername());
        if (practitioner.isEmpty()) {
            return new QueryInbox(false, List.of());
        }
        List<QueryInbox.Item> items = queries.openFor(practitioner.get()).stream().map(this::item).toList();
        access.record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, null,
                "physician query inbox; " + items.size() + " open");
        return new QueryInbox(true, items);
    }

    /** Files the answer in the record and releases the case's hold once no other query is open. */
    @Transactional
    public UUID answer(CustodianUser user, UUID queryId, String answer) {
        access.require(user, Permission.ANSWER_QUERIES, "answering physician queries");
        String text = requireText(answer, "answer");
        PhysicianQuery query = queries.find(queryId)
                .orElseThrow(() -> new CodingRefused("there is no physician query " + queryId));
        Optional<UUID> practitioner = accounts.practitionerOf(user.getUsername());
        if (practitioner.isEmpty() || !practitioner.get().equals(query.practitionerId())) {
            access.record(user, AuditAction.UPDATE, AuditOutcome.DENIED, query.patientId(), queryId.toString(),
                    "query is addressed to another practitioner");
            throw new CodingDenied("This query is addressed to another physician.");
        }
        if (query.status() != PhysicianQuery.Status.OPEN) {
            throw new CodingRefused("this query was already answered");
        }
        UUID documentId = file(user, query, text);
        queries.answer(queryId, text, user.getUsername(), documentId);
        access.record(user, AuditAction.CREATE, AuditOutcome.SUCCESS, query.patientId(), documentId.toString(),
                "answered physician query " + queryId + "; filed as document " + documentId);
        if (queries.openOn(query.encounterId()) == 0) {
            CaseRepository.CaseRow row = cases.lock(query.encounterId());
            if (row.status() == CodingStatus.ON_HOLD_QUERY) {
                queue.move(user, row, CodingStatus.IN_PROGRESS, "physician query answered");
            }
        }
        return documentId;
    }

    private UUID file(CustodianUser user, PhysicianQuery query, String answer) {
        Instant now = Instant.now();
        Optional<ClinicalDocument> newest = documents.forPatient(query.patientId()).stream()
                .filter(d -> query.encounterId().equals(d.encounterId()) && !d.isEnteredInError()).findFirst();
        Provenance provenance = Provenance.now(SOURCE, "physician-query/" + query.id(), user.getUsername());
        String body = "Documentation query from " + query.raisedBy() + ":\n" + query.question()
                + "\n\nPhysician response:\n" + answer;
        UUID id = UUID.randomUUID();
        ClinicalDocument document = new ClinicalDocument(id, query.patientId(), query.encounterId(),
                newest.isPresent() ? DocumentType.ADDENDUM : DocumentType.OTHER, newest.map(ClinicalDocument::id).orElse(null),
                now, List.of(new DocumentVersion(1, DocumentStatus.FINAL, "Physician query response", body,
                query.practitionerId(), now, query.practitionerId(), null, provenance)));
        RecordWriter.Batch batch = writer.batch();
        batch.document(document);
        batch.flush();
        return id;
    }

    private QueryInbox.Item item(PhysicianQuery q) {
        return jdbc.sql("""
                SELECT p.family || ', ' || p.given AS patient, f.name AS facility, e.class, e.admit_at, e.discharge_at
                  FROM encounter e JOIN patient p ON p.id = e.patient_id JOIN facility f ON f.id = e.facility_id
                 WHERE e.id = :e""").param("e", q.encounterId())
                .query((rs, i) -> new QueryInbox.Item(q, rs.getString("patient"), rs.getString("facility"),
                        org.custodian.record.EncounterClass.valueOf(rs.getString("class")),
                        CaseRepository.instant(rs, "admit_at"), CaseRepository.instant(rs, "discharge_at")))
                .single();
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new CodingRefused("the " + what + " is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new CodingRefused("the " + what + " is longer than " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
