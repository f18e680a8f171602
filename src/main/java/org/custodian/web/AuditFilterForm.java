package org.custodian.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditQuery.SortColumn;

/**
 * The audit report's filters, sort and page as they appear in the address, kept verbatim for
 * redisplay and for the links of sortable headers and pages. {@link #toQuery} says what is wrong.
 * The methods the template calls are public: SpEL reaches only public methods.
 */
record AuditFilterForm(String user, String patient, String action, String from, String to,
                       String sort, String dir, String page) {
    static final String PATH = "/audit";
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT));

    AuditFilterForm {
        user = text(user);
        patient = text(patient);
        action = text(action);
        from = text(from);
        to = text(to);
        sort = text(sort);
        dir = text(dir);
        page = text(page);
    }

    AuditQuery toQuery(ZoneId zone, int pageSize) {
        return new AuditQuery(user, patientId(), auditAction(), day(from, "from", zone),
                dayAfter(to, zone), sortColumn(), ascending(), pageNumber() - 1, pageSize);
    }

    SortColumn sortColumn() {
        if (sort.isEmpty()) {
            return SortColumn.TIME;
        }
        try {
            return SortColumn.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("the report cannot be sorted by '" + brief(sort) + "'; use one of "
                    + Stream.of(SortColumn.values()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }

    boolean ascending() {
        return switch (dir.toLowerCase(Locale.ROOT)) {
            case "" -> !startsDescending(sortColumn());
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new IllegalArgumentException("the sort direction must be 'asc' or 'desc'");
        };
    }

    int pageNumber() {
        if (page.isEmpty()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("the page must be a whole number from 1 up");
    }

    /** The address of this report sorted by {@code column}: a second click on a column reverses it. */
    public String sortLink(String column) {
        SortColumn target = SortColumn.valueOf(column);
        boolean ascending = isSortedBy(target) ? !safeAscending() : !startsDescending(target);
        return link(target.name().toLowerCase(Locale.ROOT), ascending ? "asc" : "desc", "");
    }

    /** For {@code aria-sort}: ascending, descending or none. */
    public String sortState(String column) {
        if (!isSortedBy(SortColumn.valueOf(column))) {
            return "none";
        }
        return safeAscending() ? "ascending" : "descending";
    }

    public String pageLink(int number) {
        return link(sort, dir, String.valueOf(number));
    }

    private boolean isSortedBy(SortColumn column) {
        try {
            return sortColumn() == column;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private boolean safeAscending() {
        try {
            return ascending();
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private String link(String sortValue, String dirValue, String pageValue) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", user);
        params.put("patient", patient);
        params.put("action", action);
        params.put("from", from);
        params.put("to", to);
        params.put("sort", sortValue);
        params.put("dir", dirValue);
        params.put("page", pageValue);
        StringJoiner query = new StringJoiner("&", PATH + "?", "").setEmptyValue(PATH);
        params.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private UUID patientId() {
        if (patient.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(patient);
        } catch (IllegalArgumentException notAnId) {
            throw new IllegalArgumentException("the patient id is not valid; it looks like "
                    + "3f2c9a1e-8b7d-4c6e-9f01-2a3b4c5d6e7f (copy it from the chart's address)");
        }
    }

    private AuditAction auditAction() {
        if (action.isEmpty()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("'" + brief(action) + "' is not an audited action");
        }
    }

    private static Instant dayAfter(String text, ZoneId zone) {
        Instant start = day(text, "to", zone);
        return start == null ? null : start.atZone(zone).plusDays(1).toInstant();
    }

    private static Instant day(String text, String field, ZoneId zone) {
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notThisFormat) {
                // try the next accepted form
            }
        }
        throw new IllegalArgumentException("the '" + field + "' date is not a valid date; enter it as month/day/year");
    }

    private static boolean startsDescending(SortColumn column) {
        return column == SortColumn.TIME || column == SortColumn.SEQ;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String brief(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
