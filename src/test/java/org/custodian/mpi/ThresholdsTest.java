package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.custodian.mpi.matching.Field;
import org.custodian.mpi.matching.MatchModel;
import org.custodian.mpi.matching.TermFrequencies;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static MatchModel model(double matchesPerRecord) {
        Field[] fields = Field.values();
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        for (Field f : fields) {
            m[f.ordinal()] = new double[f.levelCount()];
            u[f.ordinal()] = new double[f.levelCount()];
            java.util.Arrays.fill(m[f.ordinal()], 1, f.levelCount(), 1.0 / (f.levelCount() - 1));
            java.util.Arrays.fill(u[f.ordinal()], 1, f.levelCount(), 1.0 / (f.levelCount() - 1));
        }
        return new MatchModel(m, u, 0.05, matchesPerRecord, TermFrequencies.none());
    }

    @Test
    void theDefaultReviewCutOffRisesWithTheIndexToTheModelsProbability() {
        MatchModel model = model(0.13);

        Thresholds small = Thresholds.DEFAULT.forIndex(model, 1_000);
        Thresholds large = Thresholds.DEFAULT.forIndex(model, 1_000_000);

        // a small index: the model's cut-off lies below the floors, which hold
        assertThat(small).isEqualTo(new Thresholds(16, 10));
        assertThat(model.matchProbability(large.review(), 1_000_000))
                .isCloseTo(Thresholds.REVIEW_PROBABILITY, within(1e-9));
        assertThat(large.review()).isGreaterThan(small.review());
        assertThat(large.autoLink() - large.review()).isCloseTo(6, within(1e-9));
    }

    @Test
    void aPairBetweenTheFloorAndTheModelsCutOffIsNoMatchInALargeIndexButReviewInASmallOne() {
        MatchModel model = model(0.13);
        double weight = Thresholds.DEFAULT.forIndex(model, 1_000_000).review() - 0.5;
        int allMissing = 0;

        assertThat(Thresholds.DEFAULT.forIndex(model, 1_000).decide(weight, allMissing, List.of()))
                .isInstanceOf(MatchDecision.AutoLink.class);
        assertThat(Thresholds.DEFAULT.forIndex(model, 1_000_000).decide(weight, allMissing, List.of()))
                .isInstanceOf(MatchDecision.NoMatch.class);
    }

    @Test
    void thresholdsSetByHandAreTakenAsTheyAre() {
        Thresholds everythingToReview = new Thresholds(500, -500);

        assertThat(everythingToReview.forIndex(model(0.13), 10_000_000)).isEqualTo(everythingToReview);
    }

    @Test
    void aModelThatKnowsNoMatchRateLeavesTheFloors() {
        assertThat(Thresholds.DEFAULT.forIndex(model(0), 10_000_000)).isEqualTo(new Thresholds(16, 10));
    }
}
