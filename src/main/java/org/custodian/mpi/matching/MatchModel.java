package org.custodian.mpi.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fellegi–Sunter model: for every field and comparison level the probability of that level among
 * true matches (m) and among non-matches (u), both estimated from data ({@link ModelTrainer}). The
 * weight of a level is log2(m/u); a pair's weight is the sum over fields, plus term-frequency
 * adjustment for exact name agreement.
 */
public final class MatchModel {
    private static final Field[] FIELDS = Field.values();

    private final double[][] m;
    private final double[][] u;
    private final double lambda;
    private final double[][] weights;
    private final TermFrequencies frequencies;

    public MatchModel(double[][] m, double[][] u, double lambda, TermFrequencies frequencies) {
        this.m = m;
        this.u = u;
        this.lambda = lambda;
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

    public TermFrequencies frequencies() {
        return frequencies;
    }

    public MatchModel withFrequencies(TermFrequencies replacement) {
        return new MatchModel(m, u, lambda, replacement);
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
        if (level != 1 || (f != Field.GIVEN && f != Field.FAMILY)) {
            return 0;
        }
        return frequencies.adjustment(f, f == Field.GIVEN ? a.given() : a.family(), u[f.ordinal()][1]);
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
