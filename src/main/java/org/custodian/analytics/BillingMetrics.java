package org.custodian.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * DNFB (discharged, not final billed) per facility and month, read from the billing roll-up only,
 * so the cost follows facilities × months, not the number of encounters. No identifiers leave here.
 */
@Service
public class BillingMetrics {
    /** HFMA's usual window for average daily gross revenue: the last three months. */
    static final int WINDOW_MONTHS = 3;

    private final JdbcClient jdbc;

    BillingMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * DNFB at the end of each month of the period for each facility given (zeros included), by
     * facility then month; months after {@code today} are left out and the current one is as of today.
     */
    public List<DnfbMonth> dnfb(Collection<java.util.UUID> facilities, Period period, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (period.first().isAfter(current)) {
            return List.of();
        }
        YearMonth last = period.last().isAfter(current) ? current : period.last();
        return jdbc.sql("""
                        SELECT f.name, g.month::date AS month,
                               coalesce(sum(b.encounters) FILTER (WHERE b.final_month > g.month), 0) AS dnfb,
                               coalesce(sum(b.without_charges) FILTER (WHERE b.final_month > g.month), 0) AS dnfb_missing,
                               coalesce(sum(b.gross_charges) FILTER (WHERE b.final_month > g.month), 0) AS dnfb_charges,
                               coalesce(sum(b.gross_charges) FILTER (
                                   WHERE b.discharge_month > g.month - make_interval(months => :window)), 0) AS revenue,
                               coalesce(sum(b.encounters) FILTER (WHERE b.discharge_month = g.month), 0) AS discharges,
                               coalesce(sum(b.without_charges) FILTER (WHERE b.discharge_month = g.month), 0)
                                   AS discharges_missing
                          FROM facility f
                         CROSS JOIN generate_series(:from::date, :to::date, interval '1 month') AS g(month)
                          LEFT JOIN analytics_billing_month b ON b.facility_id = f.id AND b.discharge_month <= g.month
                         WHERE f.id = ANY(:f::uuid[])
                         GROUP BY f.name, g.month ORDER BY f.name, g.month""")
                .param("f", AnalyticsFacts.uuidArray(facilities)).param("from", period.start().toString())
                .param("to", last.atDay(1).toString()).param("window", WINDOW_MONTHS)
                .query((rs, i) -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    LocalDate asOf = month.equals(current) ? today : month.atEndOfMonth();
                    int windowDays = (int) ChronoUnit.DAYS.between(month.minusMonths(WINDOW_MONTHS - 1).atDay(1), asOf) + 1;
                    return new DnfbMonth(rs.getString("name"), month, asOf, rs.getLong("dnfb"), rs.getLong("dnfb_missing"),
                            rs.getBigDecimal("dnfb_charges"), rs.getBigDecimal("revenue"), windowDays,
                            rs.getLong("discharges"), rs.getLong("discharges_missing"));
                })
                .list();
    }
}
