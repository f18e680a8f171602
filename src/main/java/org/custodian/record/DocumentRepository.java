package org.custodian.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical documents and their version chains. Every change appends a version; a change based on a
 * stale version is refused rather than silently winning over someone else's edit.
 */
@Repository
public class DocumentRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RecordChanges changes;
    private final List<SigningRule> signingRules;

    public DocumentRepository(JdbcClient jdbc, JdbcTemplate template, RecordChanges changes,
                              List<SigningRule> signingRules) {
        this.jdbc = jdbc;
        this.template = template;
        this.changes = changes;
        this.signingRules = List.copyOf(signingRules);
    }

    public Optional<ClinicalDocument> find(UUID documentId) {
        List<ClinicalDocument> found = load("d.id = ?", documentId);
        return found.stream().findFirst();
    }

    /** All of a patient's documents, newest first, entered-in-error ones included (callers decide to hide). */
    public List<ClinicalDocument> forPatient(UUID patientId) {
        return load("d.patient_id = ?", patientId);
    }

    /** Authenticates the current version: a draft becomes final, an edit becomes amended. */
    @Transactional
    public ClinicalDocument sign(UUID documentId, int expectedVersion, UUID signer, Instant at, Provenance prov) {
        return sign(documentId, expectedVersion, signer, at, "signed", prov);
    }

    /**
     * Signs like {@link #sign(UUID, int, UUID, Instant, Provenance)} with a note kept as the version's
     * change reason, e.g. who signed before a co-signature made the document final.
     */
    @Transactional
    public ClinicalDocument sign(UUID documentId, int expectedVersion, UUID signer, Instant at, String note,
                                 Provenance prov) {
        requireReason(documentId, note);
        ClinicalDocument doc = current(documentId, expectedVersion);
        DocumentVersion cur = doc.current();
        if (cur.status() == DocumentStatus.ENTERED_IN_ERROR) {
            throw new DocumentChangeException(documentId, "an entered-in-error document cannot be signed");
        }
        if (cur.status().isAuthenticated()) {
            throw new DocumentChangeException(documentId, "version " + cur.version() + " is already signed");
        }
        signingRules.forEach(rule -> rule.check(doc, signer));
        DocumentStatus signed = doc.versions().stream().anyMatch(v -> v.status().isAuthenticated())
                ? DocumentStatus.AMENDED : DocumentStatus.FINAL;
        return append(doc, new DocumentVersion(cur.version() + 1, signed, cur.title(), cur.body(), cur.authorId(),
                at, signer, note, prov));
    }

    /** Edits the text. After signing, the edit is a new unsigned version that needs its own signature. */
    @Transactional
    public ClinicalDocument revise(UUID documentId, int expectedVersion, String body, String reason, Provenance prov) {
        ClinicalDocument doc = current(documentId, expectedVersion);
        DocumentVersion cur = doc.current();
        if (cur.status() == DocumentStatus.ENTERED_IN_ERROR) {
            throw new DocumentChangeException(documentId, "an entered-in-error document cannot be edited");
        }
        requireReason(documentId, reason);
        return append(doc, new DocumentVersion(cur.version() + 1, DocumentStatus.DRAFT, cur.title(), body,
                cur.authorId(), null, null, reason, prov));
    }

    /** Retracts a document filed in error: hidden from the chart, kept with every version. */
    @Transactional
    public ClinicalDocument markEnteredInError(UUID documentId, int expectedVersion, String reason, Provenance prov) {
        ClinicalDocument doc = current(documentId, expectedVersion);
        DocumentVersion cur = doc.current();
        requireReason(documentId, reason);
        if (cur.status() == DocumentStatus.ENTERED_IN_ERROR) {
            throw new DocumentChangeException(documentId, "already marked entered in error");
        }
        return append(doc, new DocumentVersion(cur.version() + 1, DocumentStatus.ENTERED_IN_ERROR, cur.title(),
                cur.body(), cur.authorId(), cur.signedAt(), cur.signedBy(), reason, prov));
    }

    /** Adds an addendum: a new draft document linked to the original, which stays as it was. */
    @Transactional
    public ClinicalDocument addAddendum(UUID originalId, String body, UUID authorId, Provenance prov) {
        ClinicalDocument original = find(originalId)
                .orElseThrow(() -> new DocumentChangeException(originalId, "no such document"));
        if (original.isEnteredInError()) {
            throw new DocumentChangeException(originalId, "cannot add an addendum to an entered-in-error document");
        }
        UUID id = UUID.randomUUID();
        template.update("INSERT INTO document (id, patient_id, encounter_id, type, addendum_to, created_at) "
                        + "VALUES (?,?,?,?,?,?)", id, original.patientId(), original.encounterId(),
                DocumentType.ADDENDUM.name(), originalId, RecordWriter.ts(prov.receivedAt()));
        DocumentVersion first = new DocumentVersion(1, DocumentStatus.DRAFT,
                "Addendum to " + original.current().title(), body, authorId, null, null, null, prov);
        template.update(DocumentRows.INSERT_VERSION, DocumentRows.version(id, original.patientId(), first));
        changes.changed(original.patientId());
        return find(id).orElseThrow();
    }

    private ClinicalDocument current(UUID documentId, int expectedVersion) {
        ClinicalDocument doc = find(documentId)
                .orElseThrow(() -> new DocumentChangeException(documentId, "no such document"));
        if (doc.current().version() != expectedVersion) {
            throw new DocumentChangeException(documentId, "changed by someone else: now at version "
                    + doc.current().version() + ", you edited version " + expectedVersion);
        }
        return doc;
    }

    private ClinicalDocument append(ClinicalDocument doc, DocumentVersion next) {
        try {
            template.update(DocumentRows.INSERT_VERSION, DocumentRows.version(doc.id(), doc.patientId(), next));
        } catch (DuplicateKeyException e) {
            throw new DocumentChangeException(doc.id(), "changed by someone else at the same time; reload it");
        }
        changes.changed(doc.patientId());
        return find(doc.id()).orElseThrow();
    }

    private static void requireReason(UUID documentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DocumentChangeException(documentId, "a reason is required");
        }
    }

    private List<ClinicalDocument> load(String where, Object arg) {
        Map<UUID, Header> headers = new LinkedHashMap<>();
        template.query("""
                SELECT d.id, d.patient_id, d.encounter_id, d.type, d.addendum_to, d.created_at, v.*
                  FROM document d JOIN document_version v ON v.document_id = d.id
                 WHERE %s
                 ORDER BY d.created_at DESC, d.id, v.version""".formatted(where), rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Header h = headers.computeIfAbsent(id, k -> header(rs));
            h.versions.add(version(rs));
        }, arg);
        return headers.values().stream().map(Header::toDocument).toList();
    }

    private static Header header(ResultSet rs) {
        try {
            return new Header(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                    rs.getObject("encounter_id", UUID.class), DocumentType.valueOf(rs.getString("type")),
                    rs.getObject("addendum_to", UUID.class), instant(rs, "created_at"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentVersion version(ResultSet rs) throws SQLException {
        return new DocumentVersion(rs.getInt("version"), DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("title"), rs.getString("body"), rs.getObject("author_id", UUID.class),
                instant(rs, "signed_at"), rs.getObject("signed_by", UUID.class), rs.getString("change_reason"),
                new Provenance(rs.getString("source_system"), rs.getString("source_ref"),
                        instant(rs, "received_at"), rs.getString("recorded_by")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private record Header(UUID id, UUID patientId, UUID encounterId, DocumentType type, UUID addendumTo,
                          Instant createdAt, List<DocumentVersion> versions) {
        ClinicalDocument toDocument() {
            return new ClinicalDocument(id, patientId, encounterId, type, addendumTo, createdAt, versions);
        }
    }
}
