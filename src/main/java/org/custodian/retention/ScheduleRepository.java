package org.custodian.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleRepository {
    private static final String SELECT = """
            SELECT s.*, f.name AS facility_name FROM retention_schedule s LEFT JOIN facility f ON f.id = s.facility_id
            """;

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RetentionSchedule> all() {
        return jdbc.sql(SELECT + " ORDER BY s.record_type, s.facility_id NULLS FIRST, f.name").query(this::map).list();
    }

    /** The facility's own schedule for the type, else the default one. */
    Optional<RetentionSchedule> applicable(RecordType type, UUID facilityId) {
        return jdbc.sql(SELECT + " WHERE s.record_type = ? AND (s.facility_id = ? OR s.facility_id IS NULL)"
                        + " ORDER BY s.facility_id NULLS LAST LIMIT 1")
                .params(type.name(), facilityId).query(this::map).optional();
    }

    void save(RecordType type, UUID facilityId, RetentionRule rule, String basis, String username) {
        jdbc.sql("""
                INSERT INTO retention_schedule (id, record_type, facility_id, years_after_last_activity, age_of_majority,
                                                years_after_majority, basis, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (record_type, facility_id) DO UPDATE SET
                    years_after_last_activity = excluded.years_after_last_activity,
                    age_of_majority = excluded.age_of_majority, years_after_majority = excluded.years_after_majority,
                    basis = excluded.basis, updated_by = excluded.updated_by, updated_at = now()
                """).params(UUID.randomUUID(), type.name(), facilityId, rule.yearsAfterLastActivity(),
                rule.ageOfMajority(), rule.yearsAfterMajority(), basis, username).update();
    }

    boolean delete(RecordType type, UUID facilityId) {
        return jdbc.sql("DELETE FROM retention_schedule WHERE record_type = ? AND facility_id = ?")
                .params(type.name(), facilityId).update() > 0;
    }

    private RetentionSchedule map(ResultSet rs, int row) throws SQLException {
        return new RetentionSchedule(rs.getObject("id", UUID.class), RecordType.valueOf(rs.getString("record_type")),
                rs.getObject("facility_id", UUID.class), rs.getString("facility_name"),
                new RetentionRule(rs.getInt("years_after_last_activity"), rs.getInt("age_of_majority"),
                        rs.getInt("years_after_majority")),
                rs.getString("basis"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
