package org.custodian.terminology;

/** How a search hit matched, best first. */
public enum MatchKind {
    EXACT_CODE(1.0), CODE_PREFIX(0.9), ALL_WORDS(0.7), FUZZY_WORDS(0.5);

    private final double score;

    MatchKind(double score) {
        this.score = score;
    }

    public double score() {
        return score;
    }
}
