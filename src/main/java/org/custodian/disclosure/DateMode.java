package org.custodian.disclosure;

/** How an export keeps dates. */
public enum DateMode {
    /** Safe Harbor: only the year of each date. */
    YEAR,
    /**
     * For research sets: every date of a patient moved by the same secret number of days (1–365 back),
     * so intervals stay true. Not Safe Harbor by itself; the data dictionary says so.
     */
    SHIFT
}
