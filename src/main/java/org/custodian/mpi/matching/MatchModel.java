package org.custodian.mpi.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fellegi–Sunter model: for every field and comparison level the probability of that level among
 * true matches (m) and among non-matches (u), both estimated from data ({@link ModelTrainer}). The
 * weight of a level is log2(m/u); a pair's weight is the sum over fields, plus term-frequency
 * adjustment for exact name and birth-date agreement.
 *
 * <p>The weight is the evidence of the pair alone. Whether that evidence is enough depends on the
 * index: among N records there are N(N-1)/2 pairs but only about N times {@link #matchesPerRecord()}
 * true ones, so the prior odds of a match fall as the index grows and strangers who happen to agree
 * on a common name and a birthday become more numerous than true duplicates at the same weight.
 * {@link #matchProbability} turns a weight into the posterior probability for an index of a given
 * size; {@link #weightForProbability} is the weight a decision threshold needs there.
 */
public final class MatchModel {
    private static final Field[] FIELDS = Field.values();

    private final double[][] m;
    private final double[][] u;
    private final double lambda;
    private final double matchesPerRecord;
    private final double[][] weights;
    private final TermFrequencies frequencies;

    /**
     * {@code matchesPerRecord}: true pairs per record the model expects (estimated when training;
     * zero or less when unknown, e.g. a model stored before it was kept).
     */
    public MatchModel(double[][] m, double[][] u, double lambda, double matchesPerRecord, TermFrequencies frequencies) {
        this.m = m;
        this.u = u;
        this.lambda = lambda;
        this.matchesPerRecord = matchesPerRecord;
        this.frequencies = frequencies;
        this.weights = new double[FIELDS.length][];
        for (Field f : FIELDS) {
            weights[f.ordinal()] = new double[f.levelCount()];
            for (int level = 1; level < f.levelCount(); level++) {
                weights[f.ordinal()][level] = Math.log(m[f.ordinal()][level] / u[f.ordinal()][level]) / Math.log(2);
            }
        }
    }

    public double m(Field field, int level) {
        return m[field.ordinal()][level];
    }

    public double u(Field field, int level) {
        return u[field.ordinal()][level];
    }

    /** Copies of the m and u tables ([field ordinal][level]), to store the model. */
    public double[][] mTable() {
        return deepCopy(m);
    }

    public double[][] uTable() {
        return deepCopy(u);
    }

    private static double[][] deepCopy(double[][] table) {
        double[][] copy = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            copy[i] = table[i].clone();
        }
        return copy;
    }

    /** The share of true matches among the candidate pairs the model was trained on. */
    public double lambda() {
        return lambda;
    }

    /** True pairs per record among the training records (candidate pairs times lambda, over records). */
    public double matchesPerRecord() {
        return matchesPerRecord;
    }

    public TermFrequencies frequencies() {
        return frequencies;
    }

    public MatchModel withFrequencies(TermFrequencies replacement) {
        return new MatchModel(m, u, lambda, matchesPerRecord, replacement);
    }

    /**
     * log2 of the prior odds that two records of an index of {@code records} are one person: the
     * expected true pairs against all other pairs. Negative infinity when the model does not know
     * how many matches to expect.
     */
    public double priorLog2Odds(long records) {
        if (!(matchesPerRecord > 0) || records < 2) {
            return Double.NEGATIVE_INFINITY;
        }
        double pairs = records * (records - 1.0) / 2;
        double matches = Math.min(matchesPerRecord * records, pairs / 2);
        return log2(matches / (pairs - matches));
    }

    /** The posterior probability that a pair of this weight is one person, in an index of {@code records}. */
    public double matchProbability(double weight, long records) {
        double logOdds = weight + priorLog2Odds(records);
        return 1 / (1 + Math.pow(2, -logOdds));
    }

    /**
     * The weight at which the posterior probability of a match reaches {@code probability} in an
     * index of {@code records}; negative infinity when the prior is unknown (no weight is too low).
     */
    public double weightForProbability(double probability, long records) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("a probability between 0 and 1 is needed, not " + probability);
        }
        double prior = priorLog2Odds(records);
        if (prior == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return log2(probability / (1 - probability)) - prior;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The total match weight of a compared pair. */
    public double weight(int pattern, Prepared a, Prepared b) {
        double total = 0;
        for (Field f : FIELDS) {
            int level = Field.level(pattern, f);
            total += weights[f.ordinal()][level] + frequencyAdjustment(f, level, a);
        }
        return total;
    }

    /** The weight of each field, explained: level, m, u and the term-frequency adjustment. */
    public List<FieldWeight> explain(int pattern, Prepared a) {
        List<FieldWeight> out = new ArrayList<>(FIELDS.length);
        for (Field f : FIELDS) {
            int level = Field.level(pattern, f);
            double adjustment = frequencyAdjustment(f, level, a);
            out.add(new FieldWeight(f, level, level == 0 ? 0 : m[f.ordinal()][level],
                    level == 0 ? 0 : u[f.ordinal()][level], weights[f.ordinal()][level], adjustment));
        }
        return out;
    }

    private double frequencyAdjustment(Field f, int level, Prepared a) {
        if (level != 1 || !TermFrequencies.adjusts(f)) {
            return 0;
        }
        return frequencies.adjustment(f, a, u[f.ordinal()][1]);
    }

    /** One field's part of a pair's weight. */
    public record FieldWeight(Field field, int level, double m, double u, double weight, double frequencyAdjustment) {
        public double total() {
            return weight + frequencyAdjustment;
        }

        public String levelName() {
            return field.levelName(level);
        }
    }
}
