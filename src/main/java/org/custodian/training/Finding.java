package org.custodian.training;

import org.custodian.coding.CodedLine;

/**
 * One result of grading: a code that matched exactly or by category, a code missing or extra, a
 * principal diagnosis sequenced wrongly or a POA indicator that differs, with its points and why.
 * {@code expected} and {@code given} are codes as coders write them (null where there is none).
 */
public record Finding(Kind kind, CodedLine.Kind codeKind, String expected, String given, int points,
                      String explanation) {
    public enum Kind {
        EXACT("Exact code"), CATEGORY("Same category"), MISSING("Missing code"), EXTRA("Extra code"),
        SEQUENCING("Sequencing"), POA("POA indicator");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether this finding is a difference from the key (an exact match is not). */
        public boolean difference() {
            return this != EXACT;
        }
    }

    public Finding {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(codeKind, "codeKind");
        java.util.Objects.requireNonNull(explanation, "explanation");
    }
}
