package org.custodian.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Whole calendar months, first to last inclusive; dashboards report over one period. */
public record Period(YearMonth first, YearMonth last) {
    static final int MAX_MONTHS = 240;

    public Period {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period ends (" + last + ") before it starts (" + first + ")");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
            throw new IllegalArgumentException("a period covers at most " + MAX_MONTHS / 12 + " years");
        }
    }

    /** The twelve months up to and including the given one. */
    public static Period yearEnding(YearMonth last) {
        return new Period(last.minusMonths(11), last);
    }

    /** Parses "YYYY-MM" bounds as a user typed them; blank ones default to the year ending this month. */
    public static Period parse(String from, String to, YearMonth thisMonth) {
        YearMonth last = blank(to) ? thisMonth : month(to, "to");
        YearMonth first = blank(from) ? last.minusMonths(11) : month(from, "from");
        return new Period(first, last);
    }

    public LocalDate start() {
        return first.atDay(1);
    }

    public LocalDate end() {
        return last.atDay(1);
    }

    private static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' in " + field + " is not a month like 2026-01");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
