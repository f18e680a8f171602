package org.custodian.mpi.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.mpi.Demographics;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;

class MatchModelTest {
    private static final Field[] FIELDS = Field.values();

    /** Every field: m 0.9 and u 0.01 for exact agreement, the rest spread evenly. */
    private static MatchModel model(double matchesPerRecord, TermFrequencies frequencies) {
        double[][] m = new double[FIELDS.length][];
        double[][] u = new double[FIELDS.length][];
        for (Field f : FIELDS) {
            m[f.ordinal()] = new double[f.levelCount()];
            u[f.ordinal()] = new double[f.levelCount()];
            m[f.ordinal()][1] = 0.9;
            u[f.ordinal()][1] = 0.01;
            for (int level = 2; level < f.levelCount(); level++) {
                m[f.ordinal()][level] = 0.1 / (f.levelCount() - 2);
                u[f.ordinal()][level] = 0.99 / (f.levelCount() - 2);
            }
        }
        return new MatchModel(m, u, 0.05, matchesPerRecord, frequencies);
    }

    @Test
    void thePriorOddsOfAMatchFallAbout1BitEachTimeTheIndexDoubles() {
        MatchModel model = model(0.1, TermFrequencies.none());

        double at100k = model.priorLog2Odds(100_000);
        double at1m = model.priorLog2Odds(1_000_000);

        // 0.1 true pairs a record among n(n-1)/2 pairs: odds 2 x 0.1 / n
        assertThat(at100k).isCloseTo(Math.log(0.2 / 100_000) / Math.log(2), within(0.01));
        assertThat(at100k - at1m).isCloseTo(Math.log(10) / Math.log(2), within(0.01));
    }

    @Test
    void theWeightForAProbabilityGivesThatProbabilityBackAndRisesWithTheIndex() {
        MatchModel model = model(0.1, TermFrequencies.none());

        double at100k = model.weightForProbability(0.05, 100_000);
        double at1m = model.weightForProbability(0.05, 1_000_000);

        assertThat(model.matchProbability(at100k, 100_000)).isCloseTo(0.05, within(1e-9));
        assertThat(model.matchProbability(at1m, 1_000_000)).isCloseTo(0.05, within(1e-9));
        assertThat(at1m - at100k).isCloseTo(Math.log(10) / Math.log(2), within(0.01));
    }

    @Test
    void aModelThatKnowsNoMatchRateSetsNoWeightForAProbability() {
        MatchModel unknown = model(0, TermFrequencies.none());

        assertThat(unknown.weightForProbability(0.05, 1_000_000)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void agreeingOnACommonNameOrAPlaceholderBirthDateWeighsLessThanOnARareOne() {
        Preparer preparer = Preparer.standard();
        List<Prepared> index = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // one birth date in ten is the placeholder, and one family name in five is smith
            LocalDate birth = i % 10 == 0 ? LocalDate.of(1900, 1, 1) : LocalDate.of(1950, 1, 1).plusDays(i);
            index.add(preparer.prepare(new Demographics("r" + i, "Given" + (i % 50), i % 5 == 0 ? "Smith" : "Family" + i,
                    birth, Sex.FEMALE, null, null, null, null, null, null)));
        }
        MatchModel model = model(0.1, TermFrequencies.of(index));
        Comparisons comparisons = new Comparisons(Nicknames.standard());
        Prepared smithOnPlaceholder = index.get(0);
        Prepared rareOnOrdinaryDay = index.get(1);

        double common = model.weight(comparisons.compare(smithOnPlaceholder, smithOnPlaceholder), smithOnPlaceholder,
                smithOnPlaceholder);
        double rare = model.weight(comparisons.compare(rareOnOrdinaryDay, rareOnOrdinaryDay), rareOnOrdinaryDay,
                rareOnOrdinaryDay);

        var explained = model.explain(comparisons.compare(smithOnPlaceholder, smithOnPlaceholder), smithOnPlaceholder);
        assertThat(explained).filteredOn(w -> w.field() == Field.BIRTH_DATE).singleElement()
                .satisfies(w -> assertThat(w.frequencyAdjustment()).isNegative());
        assertThat(explained).filteredOn(w -> w.field() == Field.FAMILY).singleElement()
                .satisfies(w -> assertThat(w.frequencyAdjustment()).isNegative());
        assertThat(common).isLessThan(rare - 5);
    }
}
