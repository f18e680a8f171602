package org.custodian.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Amendment requests with their decisions, linked statements and notices. */
@Repository
class AmendmentRepository {
    private static final String SELECT = """
            SELECT a.*, p.family || ', ' || p.given AS patient_name,
                   (SELECT v.title FROM document_version v WHERE v.document_id = a.document_id
                     ORDER BY v.version DESC LIMIT 1) AS document_title
              FROM amendment a JOIN patient p ON p.id = a.patient_id""";

    private final JdbcClient jdbc;

    AmendmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, NewAmendment a, LocalDate dueOn, String by) {
        jdbc.sql("""
                INSERT INTO amendment (id, patient_id, document_id, requested_change, reason, received_on, due_on,
                    status, created_by) VALUES (:id, :p, :d, :change, :reason, :received, :due, 'REQUESTED', :by)""")
                .param("id", id).param("p", a.patientId()).param("d", a.documentId())
                .param("change", a.requestedChange()).param("reason", a.reason()).param("received", a.receivedOn())
                .param("due", dueOn).param("by", by).update();
    }

    Optional<Amendment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::map).optional();
    }

    List<Amendment> open() {
        return jdbc.sql(SELECT + " WHERE a.status = 'REQUESTED' ORDER BY a.due_on").query(this::map).list();
    }

    List<Amendment> recentlyDecided(int limit) {
        return jdbc.sql(SELECT + " WHERE a.status <> 'REQUESTED' ORDER BY a.decided_at DESC LIMIT :n")
                .param("n", limit).query(this::map).list();
    }

    List<Amendment> forDocuments(Collection<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.document_id IN (:ids) AND a.status <> 'REQUESTED' ORDER BY a.received_on")
                .param("ids", documentIds).query(this::map).list();
    }

    void accept(UUID id, UUID amendmentDocument, String by) {
        jdbc.sql("UPDATE amendment SET status = 'ACCEPTED', decided_at = now(), decided_by = :by,"
                        + " amendment_document_id = :doc WHERE id = :id AND status = 'REQUESTED'")
                .param("by", by).param("doc", amendmentDocument).param("id", id).update();
    }

    void deny(UUID id, DenialBasis basis, String letter, String by) {
        jdbc.sql("UPDATE amendment SET status = 'DENIED', decided_at = now(), decided_by = :by, denial_basis = :basis,"
                        + " denial_letter = :letter WHERE id = :id AND status = 'REQUESTED'")
                .param("by", by).param("basis", basis.name()).param("letter", letter).param("id", id).update();
    }

    void disagreement(UUID id, String text) {
        jdbc.sql("UPDATE amendment SET disagreement = :t, disagreement_on = CURRENT_DATE WHERE id = :id")
                .param("t", text).param("id", id).update();
    }

    void rebuttal(UUID id, String text) {
        jdbc.sql("UPDATE amendment SET rebuttal = :t, rebuttal_on = CURRENT_DATE WHERE id = :id")
                .param("t", text).param("id", id).update();
    }

    /** Records that the recipient was sent the amendment; {@code named}: the patient named them (164.526(c)(3)(i)). */
    void notice(UUID id, String recipient, UUID disclosureId, boolean named) {
        jdbc.sql("INSERT INTO amendment_notice (amendment_id, recipient, disclosure_id, notified_at, named_by_patient)"
                        + " VALUES (:id, :r, :d, now(), :n) ON CONFLICT DO NOTHING")
                .param("id", id).param("r", recipient).param("d", disclosureId).param("n", named).update();
    }

    private Amendment map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> notified = jdbc.sql("SELECT recipient FROM amendment_notice WHERE amendment_id = :id ORDER BY recipient")
                .param("id", id).query(String.class).list();
        String basis = rs.getString("denial_basis");
        return new Amendment(id, rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
                rs.getObject("document_id", UUID.class), rs.getString("document_title"),
                rs.getString("requested_change"), rs.getString("reason"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), AmendmentStatus.valueOf(rs.getString("status")),
                ReleaseRequestRepository.instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getObject("amendment_document_id", UUID.class), basis == null ? null : DenialBasis.valueOf(basis),
                rs.getString("denial_letter"), rs.getString("disagreement"),
                rs.getObject("disagreement_on", LocalDate.class), rs.getString("rebuttal"),
                rs.getObject("rebuttal_on", LocalDate.class), notified, false);
    }
}
