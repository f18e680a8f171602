package org.custodian.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.analytics.CodeCount;
import org.custodian.analytics.FacilityVolume;
import org.custodian.analytics.MeasureSummary;
import org.custodian.analytics.MonthlyStays;
import org.custodian.analytics.MonthlyVolume;
import org.custodian.analytics.Period;
import org.custodian.record.EncounterClass;

/**
 * Chart specifications for {@code js/analytics.js}: categories, named series and how to draw them,
 * as JSON in a {@code data-chart} attribute (the page runs no inline script). Every chart also has
 * its table on the page, for screen readers and exact figures.
 */
final class AnalyticsCharts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalyticsCharts() {
    }

    /** Stacked columns: encounters per month, one series per encounter class. */
    static String admissionsByMonth(List<MonthlyVolume> volumes, Period period) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = period.first(); !m.isAfter(period.last()); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<EncounterClass, long[]> byClass = new TreeMap<>();
        volumes.forEach(v -> byClass.putIfAbsent(v.encounterClass(), new long[months.size()]));
        for (MonthlyVolume v : volumes) {
            int at = months.indexOf(v.month().toString());
            if (at >= 0) {
                byClass.get(v.encounterClass())[at] += v.encounters();
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        byClass.forEach((c, counts) -> series.add(series(c.label(), counts, 0)));
        return json(spec("bar", months, series, true, List.of("Encounters")));
    }

    /** Stacked bars: encounters per facility over the period, one series per class. */
    static String admissionsByFacility(List<FacilityVolume> volumes) {
        List<String> facilities = new ArrayList<>(new TreeSet<>(volumes.stream().map(FacilityVolume::facility).toList()));
        Map<EncounterClass, long[]> byClass = new TreeMap<>();
        volumes.forEach(v -> byClass.putIfAbsent(v.encounterClass(), new long[facilities.size()]));
        volumes.forEach(v -> byClass.get(v.encounterClass())[facilities.indexOf(v.facility())] += v.encounters());
        List<Map<String, Object>> series = new ArrayList<>();
        byClass.forEach((c, counts) -> series.add(series(c.label(), counts, 0)));
        return json(spec("hbar", facilities, series, true, List.of("Encounters")));
    }

    /** Lines: average length of stay (days, left axis) and 30-day readmission rate (percent, right axis). */
    static String stays(List<MonthlyStays> stays) {
        List<String> months = stays.stream().map(s -> s.month().toString()).toList();
        List<Double> alos = stays.stream().map(s -> round(s.averageLengthOfStay(), 2)).toList();
        List<Double> rate = stays.stream().map(s -> s.readmissionRate() == null ? null : round(100 * s.readmissionRate(), 1))
                .toList();
        Map<String, Object> spec = spec("line", months, List.of(series("Average length of stay (days)", alos, 0),
                series("30-day readmission rate (%)", rate, 1)), false, List.of("Days", "Readmitted %"));
        return json(spec);
    }

    /** Horizontal bars: encounters per code, most frequent at the top. */
    static String topCodes(List<CodeCount> codes, String seriesName) {
        List<CodeCount> reversed = new ArrayList<>(codes);
        java.util.Collections.reverse(reversed);
        List<String> labels = reversed.stream().map(c -> c.code() + " " + shorten(c.display())).toList();
        List<Long> counts = reversed.stream().map(CodeCount::encounters).toList();
        return json(spec("hbar", labels, List.of(series(seriesName, counts, 0)), false, List.of("Encounters")));
    }

    /**
     * Stacked columns of DNFB gross charges at each month end, one series per facility, with DNFB
     * days over all of them as a line on the right axis.
     */
    static String dnfb(AnalyticsDnfb dnfb) {
        List<String> months = dnfb.months().stream().map(m -> m.month().toString()).toList();
        Map<String, double[]> byFacility = new TreeMap<>();
        for (var row : dnfb.rows()) {
            int at = months.indexOf(row.month().toString());
            byFacility.computeIfAbsent(row.facility(), f -> new double[months.size()])[at] =
                    row.grossCharges().setScale(0, java.math.RoundingMode.HALF_UP).doubleValue();
        }
        List<Map<String, Object>> series = new ArrayList<>();
        byFacility.forEach((facility, dollars) -> series.add(series(facility, dollars, 0)));
        Map<String, Object> days = series("DNFB days", dnfb.months().stream().map(m -> round(m.days(), 1)).toList(), 1);
        days.put("type", "line");
        series.add(days);
        return json(spec("bar", months, series, true, List.of("DNFB gross charges ($)", "DNFB days")));
    }

    /** Bars: each facility's rate for one measure, in percent. */
    static String measure(List<MeasureSummary> summaries) {
        List<String> facilities = summaries.stream().map(MeasureSummary::facility).toList();
        List<Double> rates = summaries.stream().map(s -> s.rate() == null ? null : round(100 * s.rate(), 1)).toList();
        return json(spec("bar", facilities, List.of(series("Rate (%)", rates, 0)), false, List.of("%")));
    }

    private static Map<String, Object> spec(String kind, List<String> categories, List<Map<String, Object>> series,
                                            boolean stacked, List<String> axes) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", kind);
        spec.put("categories", categories);
        spec.put("series", series);
        spec.put("stacked", stacked);
        spec.put("axes", axes);
        return spec;
    }

    private static Map<String, Object> series(String name, Object data, int axis) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        s.put("axis", axis);
        return s;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    private static Double round(Double value, int places) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    private static String json(Object spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
