package org.custodian.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.analytics.Period;
import org.custodian.record.Facility;

/**
 * The dashboard's filter as typed in the query string: a facility code (blank for all the user's
 * facilities) and a period of months. {@link #resolve} checks it against what the user may see.
 */
record AnalyticsFilter(String facility, String from, String to) {
    AnalyticsFilter {
        facility = facility == null ? "" : facility.strip();
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
    }

    /** The chosen facilities (within the user's) and period, or an error naming the field. */
    Resolved resolve(List<Facility> allowed, YearMonth thisMonth) {
        Period period = Period.parse(from, to, thisMonth);
        if (facility.isEmpty()) {
            return new Resolved(allowed.stream().map(Facility::id).collect(java.util.stream.Collectors.toSet()),
                    period, Optional.empty());
        }
        Facility chosen = allowed.stream().filter(f -> f.code().equalsIgnoreCase(facility)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "facility '" + facility + "' is not one of your facilities"));
        return new Resolved(Set.of(chosen.id()), period, Optional.of(chosen));
    }

    /** The query string that keeps this filter, for export links. */
    public String query() {
        return "facility=" + encode(facility) + "&from=" + encode(from) + "&to=" + encode(to);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    record Resolved(Set<UUID> facilityIds, Period period, Optional<Facility> facility) {
    }
}
