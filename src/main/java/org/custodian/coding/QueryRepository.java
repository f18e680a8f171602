package org.custodian.coding;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QueryRepository {
    private static final String SELECT = """
            SELECT q.*, trim(pr.given || ' ' || pr.family) AS practitioner_name
              FROM physician_query q JOIN practitioner pr ON pr.id = q.practitioner_id""";

    private final JdbcClient jdbc;

    QueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PhysicianQuery q) {
        jdbc.sql("""
                INSERT INTO physician_query (id, encounter_id, patient_id, practitioner_id, question, raised_by, raised_at,
                    status) VALUES (:id, :e, :p, :pr, :q, :by, now(), 'OPEN')""")
                .param("id", q.id()).param("e", q.encounterId()).param("p", q.patientId())
                .param("pr", q.practitionerId()).param("q", q.question()).param("by", q.raisedBy()).update();
    }

    Optional<PhysicianQuery> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE q.id = :id FOR UPDATE OF q").param("id", id).query(QueryRepository::map).optional();
    }

    List<PhysicianQuery> forEncounter(UUID encounterId) {
        return jdbc.sql(SELECT + " WHERE q.encounter_id = :e ORDER BY q.raised_at DESC").param("e", encounterId)
                .query(QueryRepository::map).list();
    }

    List<PhysicianQuery> openFor(UUID practitionerId) {
        return jdbc.sql(SELECT + " WHERE q.practitioner_id = :p AND q.status = 'OPEN' ORDER BY q.raised_at")
                .param("p", practitionerId).query(QueryRepository::map).list();
    }

    int openOn(UUID encounterId) {
        return jdbc.sql("SELECT count(*) FROM physician_query WHERE encounter_id = :e AND status = 'OPEN'")
                .param("e", encounterId).query(Integer.class).single();
    }

    void answer(UUID id, String answer, String by, UUID documentId) {
        jdbc.sql("""
                UPDATE physician_query SET status = 'ANSWERED', answer = :a, answered_by = :by, answered_at = now(),
                       answer_document_id = :d WHERE id = :id""")
                .param("a", answer).param("by", by).param("d", documentId).param("id", id).update();
    }

    /** Practitioners a query on this encounter may go to: its attending and the authors of its documents. */
    List<Recipient> recipients(UUID encounterId) {
        return jdbc.sql("""
                SELECT DISTINCT pr.id, trim(pr.given || ' ' || pr.family) AS name, pr.family, pr.given
                  FROM practitioner pr
                 WHERE pr.id IN (SELECT attending_id FROM encounter WHERE id = :e)
                    OR pr.id IN (SELECT v.author_id FROM document d JOIN document_version v ON v.document_id = d.id
                                  WHERE d.encounter_id = :e)
                 ORDER BY pr.family, pr.given""").param("e", encounterId)
                .query((rs, i) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    private static PhysicianQuery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PhysicianQuery(rs.getObject("id", UUID.class), rs.getObject("encounter_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getString("practitioner_name"), rs.getString("question"), rs.getString("raised_by"),
                CaseRepository.instant(rs, "raised_at"), PhysicianQuery.Status.valueOf(rs.getString("status")),
                rs.getString("answer"), rs.getString("answered_by"), CaseRepository.instant(rs, "answered_at"),
                rs.getObject("answer_document_id", UUID.class));
    }
}
