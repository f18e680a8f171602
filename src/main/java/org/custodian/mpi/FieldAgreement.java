package org.custodian.mpi;

/**
 * One field's part in a pair's match weight, as a reviewer sees it: how the two values compared
 * (the comparison level), whether that is agreement, and the weight it contributed with its m and u.
 */
public record FieldAgreement(String field, String level, Agreement agreement, double weight, double m, double u,
                             double frequencyAdjustment) {

    public enum Agreement {
        AGREE, PARTIAL, DISAGREE, MISSING;

        /** Lower-case name for CSS classes and text. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
