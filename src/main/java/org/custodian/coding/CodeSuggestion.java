package org.custodian.coding;

import java.util.Objects;

/**
 * A proposed ICD-10-CM code (with dot, as people write it) and why: the note it comes from
 * ({@code source}), the span of that note's text that supports it ({@code start} inclusive,
 * {@code end} exclusive, {@code evidence} being exactly that substring) and a confidence in 0..1.
 */
public record CodeSuggestion(String code, String description, double confidence, String source, int start, int end,
                             String evidence) {
    public CodeSuggestion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be 0 to 1, not " + confidence);
        }
        if (start < 0 || end < start || end - start != evidence.length()) {
            throw new IllegalArgumentException("evidence span " + start + ".." + end + " does not fit '" + evidence + "'");
        }
    }
}
