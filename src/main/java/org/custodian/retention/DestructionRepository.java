package org.custodian.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DestructionRepository {
    private static final String SELECT = """
            SELECT b.*, f.name AS facility_name FROM destruction_batch b LEFT JOIN facility f ON f.id = b.facility_id
            """;

    private final JdbcClient jdbc;

    DestructionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertBatch(UUID id, RecordType type, UUID facilityId, String method, String proposedBy) {
        jdbc.sql("""
                INSERT INTO destruction_batch (id, record_type, facility_id, status, method, proposed_by, proposed_at)
                VALUES (?, ?, ?, 'PROPOSED', ?, ?, now())
                """).params(id, type.name(), facilityId, method, proposedBy).update();
    }

    void insertItem(UUID batchId, Assessment a, String rule) {
        Candidate c = a.record();
        jdbc.sql("""
                INSERT INTO destruction_item (batch_id, record_id, record_type, patient_id, mrn, facility_code,
                                              service_from, last_activity, retain_until, rule, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED')
                """).params(batchId, c.recordId(), c.type().name(), c.patientId(), c.mrn(), c.facilityCode(),
                c.serviceFrom(), c.lastActivity(), a.retainUntil(), rule).update();
    }

    /** Locks the batch row for the decision, so two approvers cannot both destroy it. */
    Optional<DestructionBatch> lock(UUID id) {
        return jdbc.sql("SELECT id FROM destruction_batch WHERE id = ? FOR UPDATE").param(id)
                .query(UUID.class).optional().flatMap(this::find);
    }

    Optional<DestructionBatch> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE b.id = ?").param(id).query((rs, n) -> map(rs, items(id))).optional();
    }

    List<DestructionBatch> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY b.proposed_at DESC LIMIT ?").param(limit)
                .query((rs, n) -> map(rs, items(rs.getObject("id", UUID.class)))).list();
    }

    /** Record id → batch id of every record in a batch still awaiting its decision. */
    Map<UUID, UUID> proposedRecords() {
        Map<UUID, UUID> proposed = new HashMap<>();
        jdbc.sql("""
                SELECT i.record_id, i.batch_id FROM destruction_item i JOIN destruction_batch b ON b.id = i.batch_id
                WHERE b.status = 'PROPOSED'
                """).query(rs -> {
            proposed.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return proposed;
    }

    void destroyed(UUID batchId, UUID recordId, String rows) {
        jdbc.sql("UPDATE destruction_item SET status = 'DESTROYED', rows_destroyed = ? WHERE batch_id = ? AND record_id = ?")
                .params(rows, batchId, recordId).update();
    }

    void withheld(UUID batchId, UUID recordId, String because) {
        jdbc.sql("UPDATE destruction_item SET status = 'WITHHELD', withheld_because = ? WHERE batch_id = ? AND record_id = ?")
                .params(because, batchId, recordId).update();
    }

    void patientDestroyed(UUID batchId, UUID patientId, String rows) {
        jdbc.sql("INSERT INTO destruction_patient (batch_id, patient_id, rows_destroyed) VALUES (?, ?, ?)")
                .params(batchId, patientId, rows).update();
    }

    void decide(UUID batchId, DestructionBatch.Status status, String decidedBy, Instant at, String note) {
        jdbc.sql("UPDATE destruction_batch SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?")
                .params(status.name(), decidedBy, Timestamp.from(at), note, batchId).update();
    }

    void certificate(UUID batchId, String file, String sha256) {
        jdbc.sql("UPDATE destruction_batch SET certificate_file = ?, certificate_sha256 = ? WHERE id = ?")
                .params(file, sha256, batchId).update();
    }

    Optional<String> certificateFile(UUID batchId) {
        return jdbc.sql("SELECT certificate_file FROM destruction_batch WHERE id = ? AND certificate_file IS NOT NULL")
                .param(batchId).query(String.class).optional();
    }

    private List<DestructionItem> items(UUID batchId) {
        return jdbc.sql("SELECT * FROM destruction_item WHERE batch_id = ? ORDER BY last_activity, record_id")
                .param(batchId).query((rs, n) -> new DestructionItem(rs.getObject("record_id", UUID.class),
                        RecordType.valueOf(rs.getString("record_type")), rs.getObject("patient_id", UUID.class),
                        rs.getString("mrn"), rs.getString("facility_code"),
                        rs.getObject("service_from", LocalDate.class), rs.getObject("last_activity", LocalDate.class),
                        rs.getObject("retain_until", LocalDate.class), rs.getString("rule"),
                        DestructionItem.Status.valueOf(rs.getString("status")), rs.getString("withheld_because"),
                        rs.getString("rows_destroyed"))).list();
    }

    private List<DestroyedPatient> patientsDestroyed(UUID batchId) {
        return jdbc.sql("SELECT patient_id, rows_destroyed FROM destruction_patient WHERE batch_id = ? ORDER BY patient_id")
                .param(batchId).query((rs, n) -> new DestroyedPatient(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    private DestructionBatch map(ResultSet rs, List<DestructionItem> items) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new DestructionBatch(rs.getObject("id", UUID.class), RecordType.valueOf(rs.getString("record_type")),
                rs.getObject("facility_id", UUID.class), rs.getString("facility_name"),
                DestructionBatch.Status.valueOf(rs.getString("status")), rs.getString("method"),
                rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
                rs.getString("certificate_sha256"), items, patientsDestroyed(rs.getObject("id", UUID.class)));
    }
}
