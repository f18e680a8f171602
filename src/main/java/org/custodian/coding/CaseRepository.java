package org.custodian.coding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.record.EncounterClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coding queue and its cases. The queue is a query over discharged encounters; a case row holds
 * what coding adds (status, assignee, payer) and is created on the first change or discharge event.
 */
@Repository
class CaseRepository {
    static final List<CodingStatus> OPEN = List.of(CodingStatus.TO_CODE, CodingStatus.IN_PROGRESS,
            CodingStatus.ON_HOLD_QUERY);

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    QueuePage queue(QueueFilter filter, Collection<UUID> facilityScope) {
        if (facilityScope.isEmpty()) {
            return new QueuePage(List.of(), 0, List.of());
        }
        StringBuilder where = new StringBuilder("""
                 WHERE e.discharge_at IS NOT NULL AND e.cancelled_at IS NULL AND e.facility_id = ANY(:scope)""");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", facilityScope.toArray(UUID[]::new));
        List<CodingStatus> statuses = filter.status() == null ? OPEN : List.of(filter.status());
        where.append(" AND coalesce(c.status, 'TO_CODE') = ANY(:statuses)");
        params.put("statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
        if (filter.facilityId() != null) {
            where.append(" AND e.facility_id = :facility");
            params.put("facility", filter.facilityId());
        }
        if (filter.encounterClass() != null) {
            where.append(" AND e.class = :class");
            params.put("class", filter.encounterClass().name());
        }
        if (QueueFilter.NO_PAYER.equals(filter.payer())) {
            where.append(" AND c.payer IS NULL");
        } else if (filter.payer() != null) {
            where.append(" AND lower(c.payer) = lower(:payer)");
            params.put("payer", filter.payer());
        }
        if (filter.assignee() != null) {
            where.append(" AND c.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.minAgeDays() != null) {
            where.append(" AND e.discharge_at <= now() - make_interval(days => :minAge)");
            params.put("minAge", filter.minAgeDays());
        }
        if (filter.maxAgeDays() != null) {
            where.append(" AND e.discharge_at > now() - make_interval(days => :maxAge + 1)");
            params.put("maxAge", filter.maxAgeDays());
        }
        String order = switch (filter.sort()) {
            case OLDEST -> "e.discharge_at, e.id";
            case NEWEST -> "e.discharge_at DESC, e.id";
            case FACILITY -> "f.name, e.discharge_at, e.id";
            case CLASS -> "e.class, e.discharge_at, e.id";
            case PAYER -> "c.payer NULLS LAST, e.discharge_at, e.id";
        };
        List<QueueEntry> entries = new ArrayList<>();
        int[] total = {0};
        jdbc.sql("""
                SELECT e.id, e.patient_id, p.given, p.family, f.code AS facility_code, f.name AS facility_name,
                       e.class, e.visit_number, e.admit_at, e.discharge_at, c.payer, c.assignee,
                       coalesce(c.status, 'TO_CODE') AS status,
                       floor(extract(epoch FROM now() - e.discharge_at) / 86400)::bigint AS age_days,
                       (SELECT min(i.value) FROM patient_identifier i
                         WHERE i.patient_id = e.patient_id AND i.facility_id = e.facility_id) AS mrn,
                       count(*) OVER () AS total
                  FROM encounter e JOIN patient p ON p.id = e.patient_id JOIN facility f ON f.id = e.facility_id
                  LEFT JOIN coding_case c ON c.encounter_id = e.id
                """ + where + " ORDER BY " + order + " LIMIT " + filter.limit())
                .params(params)
                .query(rs -> {
                    total[0] = rs.getInt("total");
                    entries.add(entry(rs));
                });
        List<String> payers = jdbc.sql("""
                SELECT DISTINCT c.payer FROM coding_case c WHERE c.payer IS NOT NULL AND c.facility_id = ANY(:scope)
                 ORDER BY c.payer""").param("scope", facilityScope.toArray(UUID[]::new)).query(String.class).list();
        return new QueuePage(entries, total[0], payers);
    }

    private static QueueEntry entry(ResultSet rs) throws SQLException {
        return new QueueEntry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("family") + ", " + rs.getString("given"), rs.getString("mrn"),
                rs.getString("facility_code"), rs.getString("facility_name"),
                EncounterClass.valueOf(rs.getString("class")), rs.getString("visit_number"),
                instant(rs, "admit_at"), instant(rs, "discharge_at"), rs.getLong("age_days"), rs.getString("payer"),
                CodingStatus.valueOf(rs.getString("status")), rs.getString("assignee"));
    }

    /** Opens the case of a discharged encounter if it has none; false when there is no such encounter. */
    boolean ensure(UUID encounterId) {
        jdbc.sql("""
                INSERT INTO coding_case (encounter_id, patient_id, facility_id, status, opened_at, updated_at)
                SELECT e.id, e.patient_id, e.facility_id, 'TO_CODE', now(), now() FROM encounter e
                 WHERE e.id = :id AND e.discharge_at IS NOT NULL AND e.cancelled_at IS NULL AND NOT e.entered_in_error
                ON CONFLICT (encounter_id) DO NOTHING""").param("id", encounterId).update();
        return find(encounterId).isPresent();
    }

    Optional<CaseRow> find(UUID encounterId) {
        return jdbc.sql("SELECT * FROM coding_case WHERE encounter_id = :id").param("id", encounterId)
                .query((rs, i) -> new CaseRow(rs.getObject("encounter_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("facility_id", UUID.class),
                        CodingStatus.valueOf(rs.getString("status")), rs.getString("assignee"), rs.getString("payer"),
                        instant(rs, "coded_at"), rs.getString("coded_by"), rs.getString("override_reason")))
                .optional();
    }

    /** Locks the case row for a change (cases change one at a time). */
    CaseRow lock(UUID encounterId) {
        jdbc.sql("SELECT 1 FROM coding_case WHERE encounter_id = :id FOR UPDATE").param("id", encounterId)
                .query(Integer.class).optional();
        return find(encounterId).orElseThrow();
    }

    void setStatus(UUID encounterId, CodingStatus status) {
        jdbc.sql("UPDATE coding_case SET status = :s, updated_at = now() WHERE encounter_id = :id")
                .param("s", status.name()).param("id", encounterId).update();
    }

    void setAssignee(UUID encounterId, String assignee) {
        jdbc.sql("UPDATE coding_case SET assignee = :a, updated_at = now() WHERE encounter_id = :id")
                .param("a", assignee).param("id", encounterId).update();
    }

    void setPayer(UUID encounterId, String payer) {
        jdbc.sql("UPDATE coding_case SET payer = :p, updated_at = now() WHERE encounter_id = :id")
                .param("p", payer).param("id", encounterId).update();
    }

    void markCoded(UUID encounterId, String coder, String overrideReason) {
        jdbc.sql("""
                UPDATE coding_case SET status = 'CODED', coded_at = now(), coded_by = :c, override_reason = :r,
                       updated_at = now() WHERE encounter_id = :id""")
                .param("c", coder).param("r", overrideReason).param("id", encounterId).update();
    }

    void event(UUID encounterId, String actor, CodingStatus from, CodingStatus to, String detail) {
        jdbc.sql("""
                INSERT INTO coding_case_event (encounter_id, occurred_at, actor, from_status, to_status, detail)
                VALUES (:id, now(), :a, :f, :t, :d)""")
                .param("id", encounterId).param("a", actor).param("f", from == null ? null : from.name())
                .param("t", to.name()).param("d", detail).update();
    }

    List<CaseEvent> history(UUID encounterId) {
        return jdbc.sql("SELECT * FROM coding_case_event WHERE encounter_id = :id ORDER BY occurred_at DESC, id DESC")
                .param("id", encounterId)
                .query((rs, i) -> new CaseEvent(instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("from_status") == null ? null : CodingStatus.valueOf(rs.getString("from_status")),
                        CodingStatus.valueOf(rs.getString("to_status")), rs.getString("detail")))
                .list();
    }

    record CaseRow(UUID encounterId, UUID patientId, UUID facilityId, CodingStatus status, String assignee,
                   String payer, Instant codedAt, String codedBy, String overrideReason) {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
