package org.custodian.disclosure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a request must be acted on: 30 days from receipt (164.524(b)(2)), once extendable by 30 with
 * written notice; amendments have 60 (164.526(b)(2)). Days remaining go negative when overdue.
 */
public record Deadline(LocalDate dueOn, long daysRemaining) {
    public static final int ACCESS_DAYS = 30;
    public static final int EXTENSION_DAYS = 30;
    public static final int AMENDMENT_DAYS = 60;

    public static Deadline of(LocalDate dueOn, LocalDate today) {
        return new Deadline(dueOn, ChronoUnit.DAYS.between(today, dueOn));
    }

    public boolean overdue() {
        return daysRemaining < 0;
    }

    /** "12 days left", "due today", "3 days overdue". */
    public String describe() {
        if (daysRemaining == 0) {
            return "due today";
        }
        long n = Math.abs(daysRemaining);
        return n + (n == 1 ? " day" : " days") + (daysRemaining > 0 ? " left" : " overdue");
    }
}
