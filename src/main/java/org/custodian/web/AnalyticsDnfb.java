package org.custodian.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.analytics.DnfbMonth;

/**
 * The DNFB section of the dashboard: each month summed over the chosen facilities, each facility at
 * the last month shown, and how many encounters lack charges (their dollars are missing).
 */
record AnalyticsDnfb(List<DnfbMonth> rows, List<DnfbMonth> months, List<DnfbMonth> latestByFacility,
                     Optional<DnfbMonth> latest, long discharges, long dischargesWithoutCharges) {
    static final String ALL = "All selected facilities";

    /** From the per-facility rows (facility, then month) that {@code BillingMetrics.dnfb} returns. */
    static AnalyticsDnfb of(List<DnfbMonth> rows) {
        Map<java.time.YearMonth, List<DnfbMonth>> byMonth = new java.util.TreeMap<>();
        Map<String, DnfbMonth> latestByFacility = new LinkedHashMap<>();
        for (DnfbMonth row : rows) {
            byMonth.computeIfAbsent(row.month(), m -> new ArrayList<>()).add(row);
            latestByFacility.put(row.facility(), row);
        }
        List<DnfbMonth> months = byMonth.values().stream().map(r -> DnfbMonth.sum(ALL, r)).toList();
        return new AnalyticsDnfb(rows, months, List.copyOf(latestByFacility.values()),
                months.isEmpty() ? Optional.empty() : Optional.of(months.getLast()),
                months.stream().mapToLong(DnfbMonth::discharges).sum(),
                months.stream().mapToLong(DnfbMonth::dischargesWithoutCharges).sum());
    }

    /** The rows a CSV export holds: each facility's months, then the sums when there are several facilities. */
    List<DnfbMonth> exportRows() {
        if (latestByFacility.size() < 2) {
            return rows;
        }
        List<DnfbMonth> all = new ArrayList<>(rows);
        all.addAll(months);
        return all;
    }
}
