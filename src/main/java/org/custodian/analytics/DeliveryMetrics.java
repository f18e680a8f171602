package org.custodian.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.custodian.record.EncounterClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Healthcare-delivery figures over a period for the facilities a user may see, read from the
 * monthly roll-ups only (so their cost does not grow with the record). No identifiers leave here.
 */
@Service
public class DeliveryMetrics {
    private final JdbcClient jdbc;

    DeliveryMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Encounters admitted per month and class; months without any are left out. */
    public List<MonthlyVolume> admissionsByMonth(Collection<UUID> facilities, Period period) {
        return jdbc.sql("""
                        SELECT month, class, sum(encounters) AS n FROM analytics_month
                         WHERE facility_id = ANY(:f::uuid[]) AND month BETWEEN :from AND :to AND encounters > 0
                         GROUP BY month, class ORDER BY month, class""")
                .param("f", AnalyticsFacts.uuidArray(facilities)).param("from", Date.valueOf(period.start()))
                .param("to", Date.valueOf(period.end()))
                .query((rs, i) -> new MonthlyVolume(month(rs.getObject("month", LocalDate.class)),
                        EncounterClass.valueOf(rs.getString("class")), rs.getLong("n")))
                .list();
    }

    /** Encounters admitted per facility and class over the period. */
    public List<FacilityVolume> admissionsByFacility(Collection<UUID> facilities, Period period) {
        return jdbc.sql("""
                        SELECT f.name, m.class, sum(m.encounters) AS n
                          FROM analytics_month m JOIN facility f ON f.id = m.facility_id
                         WHERE m.facility_id = ANY(:f::uuid[]) AND m.month BETWEEN :from AND :to
                         GROUP BY f.name, m.class HAVING sum(m.encounters) > 0 ORDER BY f.name, m.class""")
                .param("f", AnalyticsFacts.uuidArray(facilities)).param("from", Date.valueOf(period.start()))
                .param("to", Date.valueOf(period.end()))
                .query((rs, i) -> new FacilityVolume(rs.getString("name"),
                        EncounterClass.valueOf(rs.getString("class")), rs.getLong("n")))
                .list();
    }

    /** Inpatient discharges per month of the period, every month present (zeros included). */
    public List<MonthlyStays> inpatientStays(Collection<UUID> facilities, Period period) {
        return jdbc.sql("""
                        SELECT g.month::date AS month,
                               coalesce(sum(m.discharges), 0) AS discharges,
                               coalesce(sum(m.inpatient_days), 0) AS days,
                               coalesce(sum(m.index_stays), 0) AS index_stays,
                               coalesce(sum(m.readmissions), 0) AS readmissions
                          FROM generate_series(:from::date, :to::date, interval '1 month') AS g(month)
                          LEFT JOIN analytics_month m ON m.month = g.month::date AND m.class = 'INPATIENT'
                                AND m.facility_id = ANY(:f::uuid[])
                         GROUP BY g.month ORDER BY g.month""")
                .param("f", AnalyticsFacts.uuidArray(facilities)).param("from", period.start().toString())
                .param("to", period.end().toString())
                .query((rs, i) -> new MonthlyStays(month(rs.getObject("month", LocalDate.class)),
                        rs.getLong("discharges"), rs.getLong("days"), rs.getLong("index_stays"),
                        rs.getLong("readmissions")))
                .list();
    }

    /** The most frequent diagnoses or procedures of the period, by encounters that recorded them. */
    public List<CodeCount> topCodes(CodeKind kind, Collection<UUID> facilities, Period period, int limit) {
        return jdbc.sql("""
                        SELECT code_system, code, min(display) AS display, sum(encounters) AS n
                          FROM analytics_code_month
                         WHERE kind = :kind AND facility_id = ANY(:f::uuid[]) AND month BETWEEN :from AND :to
                         GROUP BY code_system, code ORDER BY n DESC, code LIMIT :limit""")
                .param("kind", kind.name()).param("f", AnalyticsFacts.uuidArray(facilities))
                .param("from", Date.valueOf(period.start())).param("to", Date.valueOf(period.end()))
                .param("limit", limit)
                .query((rs, i) -> new CodeCount(rs.getString("code_system"), rs.getString("code"),
                        rs.getString("display"), rs.getLong("n")))
                .list();
    }

    /**
     * Case mix needs MS-DRG relative weights, which Custodian does not yet load or group to; the
     * dashboard says so instead of showing a number.
     */
    public boolean caseMixAvailable() {
        return false;
    }

    private static YearMonth month(LocalDate firstDay) {
        return YearMonth.from(firstDay);
    }
}
