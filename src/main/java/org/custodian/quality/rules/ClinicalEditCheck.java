package org.custodian.quality.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sex and age edits of the code sets in force on the date of service (the Medicare Code
 * Editor's lists, as loaded in the terminology module). Rules fall back to their own compact
 * ranges for dates no MCE tables are loaded for.
 */
@FunctionalInterface
public interface ClinicalEditCheck {
    /** No MCE tables at all: every rule uses its fallback. */
    ClinicalEditCheck NOT_LOADED = (date, sex, age, code, procedure) -> Optional.empty();

    /** What a code conflicts with, and the edit's own explanation naming its source. */
    enum Kind { SEX, AGE }

    record Conflict(Kind kind, String message) {
    }

    /**
     * The conflicts of one code with the patient's sex ({@code "FEMALE"}, {@code "MALE"}, anything
     * else is unknown) and age in years on that date: {@code Optional.empty()} when no MCE tables
     * cover the date, else the conflicts found (none when the code fits).
     */
    Optional<List<Conflict>> conflicts(LocalDate dateOfService, String sex, int age, String code, boolean procedure);
}
