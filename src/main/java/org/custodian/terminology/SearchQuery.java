package org.custodian.terminology;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to search: words or a code (prefix); on a date of service (the releases in force then) or,
 * without one, in the latest release of each system; in one system or all; at most {@code limit} hits.
 */
public record SearchQuery(String text, Optional<LocalDate> date, Optional<CodeSystem> system, int limit) {
    public static final int MAX_LIMIT = 1000;

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(system, "system");
        if (text.isBlank()) {
            throw new IllegalArgumentException("search text is empty");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Optional.empty(), Optional.empty(), 20);
    }
}
