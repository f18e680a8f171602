package org.custodian.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HoldRepository {
    private static final String SELECT = """
            SELECT h.*, (SELECT string_agg(i.value, ', ' ORDER BY i.value) FROM patient_identifier i
                          WHERE i.patient_id = h.patient_id) AS patient_mrns, f.name AS facility_name
            FROM legal_hold h LEFT JOIN facility f ON f.id = h.facility_id
            """;

    private final JdbcClient jdbc;

    HoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LegalHold h) {
        jdbc.sql("""
                INSERT INTO legal_hold (id, matter, scope, patient_id, facility_id, from_date, to_date, reason,
                                        placed_by, placed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(h.id(), h.matter(), h.scope().name(), h.patientId(), h.facilityId(), h.from(), h.to(),
                h.reason(), h.placedBy(), Timestamp.from(h.placedAt())).update();
    }

    boolean release(UUID id, String username, String note) {
        return jdbc.sql("UPDATE legal_hold SET released_by = ?, released_at = now(), release_note = ?"
                        + " WHERE id = ? AND released_at IS NULL")
                .params(username, note, id).update() > 0;
    }

    Optional<LegalHold> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(this::map).optional();
    }

    List<LegalHold> active() {
        return jdbc.sql(SELECT + " WHERE h.released_at IS NULL ORDER BY h.placed_at DESC").query(this::map).list();
    }

    List<LegalHold> recentlyReleased(int limit) {
        return jdbc.sql(SELECT + " WHERE h.released_at IS NOT NULL ORDER BY h.released_at DESC LIMIT ?")
                .param(limit).query(this::map).list();
    }

    private LegalHold map(ResultSet rs, int row) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        return new LegalHold(rs.getObject("id", UUID.class), rs.getString("matter"),
                LegalHold.Scope.valueOf(rs.getString("scope")), rs.getObject("patient_id", UUID.class),
                rs.getString("patient_mrns"), rs.getObject("facility_id", UUID.class), rs.getString("facility_name"),
                rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                rs.getString("reason"), rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(),
                rs.getString("released_by"), released == null ? null : released.toInstant(),
                rs.getString("release_note"));
    }
}
