package org.custodian.mpi;

/**
 * Match-weight cut-offs (log2 of the likelihood ratio; the defaults 16 and 10 are odds of about
 * 65,000:1 and 1,000:1): at or above {@code autoLink} a pair is the
 * same person; from {@code review} up to it a person decides; below, no match. Each facility may
 * set its own (table {@code mpi_threshold}); {@link #DEFAULT} applies otherwise.
 */
public record Thresholds(double autoLink, double review) {
    public static final Thresholds DEFAULT = new Thresholds(16.0, 10.0);

    public Thresholds {
        if (!Double.isFinite(autoLink) || !Double.isFinite(review)) {
            throw new IllegalArgumentException("thresholds must be numbers");
        }
        if (review > autoLink) {
            throw new IllegalArgumentException("review threshold " + review + " is above auto-link threshold " + autoLink);
        }
    }

    /**
     * Decides a compared pair: its weight against the thresholds, except that unfit demographics
     * (the records' {@code problems}) never auto-link, the household rule overrides the weight, and a
     * different given or family name without other strong evidence goes to a person.
     */
    public MatchDecision decide(double weight, int pattern, java.util.List<String> problems) {
        var twoPeople = org.custodian.mpi.matching.HouseholdRule.twoPeople(pattern);
        if (twoPeople.isPresent()) {
            return new MatchDecision.NoMatch();
        }
        var review = org.custodian.mpi.matching.HouseholdRule.needsReview(pattern)
                .or(() -> org.custodian.mpi.matching.FamilyNameRule.needsReview(pattern));
        if (weight >= autoLink && review.isPresent()) {
            return new MatchDecision.Review(review.get());
        }
        return decide(weight, problems);
    }

    MatchDecision decide(double weight, java.util.List<String> problems) {
        if (weight >= autoLink) {
            return problems.isEmpty() ? new MatchDecision.AutoLink()
                    : new MatchDecision.Review("not linked automatically: " + String.join("; ", problems));
        }
        if (weight >= review) {
            return new MatchDecision.Review("weight between " + review + " and " + autoLink);
        }
        return new MatchDecision.NoMatch();
    }
}
