package org.custodian.mpi;

import java.util.List;
import org.custodian.mpi.matching.FamilyNameRule;
import org.custodian.mpi.matching.HouseholdRule;
import org.custodian.mpi.matching.MatchModel;

/**
 * Match-weight cut-offs (log2 of the likelihood ratio): at or above {@code autoLink} a pair is the
 * same person; from {@code review} up to it a person decides; below, no match.
 *
 * <p>A weight is the evidence of one pair, but how much evidence is enough depends on the size of
 * the index: the prior odds that two records are one person fall as it grows (a million records
 * hold ten times as many strangers sharing a common name and a birthday, per true duplicate, as a
 * hundred thousand). With {@code followModel} the cut-offs therefore move with the index
 * ({@link #forIndex}): the review cut-off is the weight at which the model's posterior probability of
 * a match reaches {@link #REVIEW_PROBABILITY} there, never below the {@code review} floor, and the
 * auto-link cut-off keeps its distance above it. {@link #DEFAULT} follows the model (floors 16 and 10
 * bits, odds of about 65,000:1 and 1,000:1); thresholds a facility sets (table {@code mpi_threshold})
 * or a command is given are taken as they are.
 */
public record Thresholds(double autoLink, double review, boolean followModel) {
    /**
     * The posterior probability of a match from which a pair goes to a person at least. Chosen on
     * the 100,000-record benchmark (the F1-best review cut-off there) and then held fixed for every
     * size; see docs/benchmarks.md.
     */
    public static final double REVIEW_PROBABILITY = 0.05;
    public static final Thresholds DEFAULT = new Thresholds(16.0, 10.0, true);

    public Thresholds {
        if (!Double.isFinite(autoLink) || !Double.isFinite(review)) {
            throw new IllegalArgumentException("thresholds must be numbers");
        }
        if (review > autoLink) {
            throw new IllegalArgumentException("review threshold " + review + " is above auto-link threshold " + autoLink);
        }
    }

    /** Fixed cut-offs, taken as they are whatever the size of the index. */
    public Thresholds(double autoLink, double review) {
        this(autoLink, review, false);
    }

    /**
     * The cut-offs for an index of {@code records} under {@code model}: these when fixed; when following
     * the model, both raised by the bits the model's review cut-off (posterior
     * {@link #REVIEW_PROBABILITY}) lies above the review floor, if it does.
     */
    public Thresholds forIndex(MatchModel model, long records) {
        if (!followModel) {
            return this;
        }
        double raise = model.weightForProbability(REVIEW_PROBABILITY, records) - review;
        if (!(raise > 0)) {
            return new Thresholds(autoLink, review);
        }
        return new Thresholds(autoLink + raise, review + raise);
    }

    /**
     * Decides a compared pair: its weight against the thresholds, except that unfit demographics
     * (the records' {@code problems}) never auto-link, the household rule overrides the weight, and a
     * different given or family name without other strong evidence goes to a person.
     */
    public MatchDecision decide(double weight, int pattern, List<String> problems) {
        var twoPeople = HouseholdRule.twoPeople(pattern);
        if (twoPeople.isPresent()) {
            return new MatchDecision.NoMatch();
        }
        var review = HouseholdRule.needsReview(pattern).or(() -> FamilyNameRule.needsReview(pattern));
        if (weight >= autoLink && review.isPresent()) {
            return new MatchDecision.Review(review.get());
        }
        return decide(weight, problems);
    }

    MatchDecision decide(double weight, List<String> problems) {
        if (weight >= autoLink) {
            return problems.isEmpty() ? new MatchDecision.AutoLink()
                    : new MatchDecision.Review("not linked automatically: " + String.join("; ", problems));
        }
        if (weight >= review) {
            return new MatchDecision.Review(String.format(java.util.Locale.ROOT, "weight between %.1f and %.1f",
                    review, autoLink));
        }
        return new MatchDecision.NoMatch();
    }
}
