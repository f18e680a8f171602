package org.custodian.disclosure;

/** How scrubbed PHI reads afterwards. */
public enum Replacement {
    /** {@code [NAME]}, {@code [DATE]}: obvious, and safe to read aloud. */
    PLACEHOLDER,
    /** Realistic made-up values, the same for the same original within one run, so text stays readable. */
    SURROGATE
}
