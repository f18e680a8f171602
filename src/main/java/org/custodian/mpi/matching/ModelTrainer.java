package org.custodian.mpi.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates a {@link MatchModel} from the records themselves, with no hand-set weights.
 * <ul>
 * <li>u (how often non-matches agree) from random pairs: almost every random pair is two people.</li>
 * <li>m (how often matches agree) by expectation–maximisation over the candidate pairs, once per
 * blocking rule, leaving out the fields that rule forces to agree (as Splink does), then averaged
 * over the rules weighted by their expected matches.</li>
 * <li>lambda, the share of matches among candidates, by a last EM round with m and u fixed.</li>
 * </ul>
 */
public final class ModelTrainer {
    private static final Field[] FIELDS = Field.values();
    private static final double FLOOR = 1e-5;
    private static final int ITERATIONS = 40;
    private static final int RANDOM_CHUNKS = 64;

    private final Comparisons comparisons;
    private final long randomPairs;
    private final long seed;

    public ModelTrainer(Comparisons comparisons, long randomPairs, long seed) {
        this.comparisons = comparisons;
        this.randomPairs = randomPairs;
        this.seed = seed;
    }

    /** Trains on the records and candidate pairs, visiting at most {@code maxPairs} candidate pairs. */
    public MatchModel train(List<Prepared> records, CandidatePairs pairs, long maxPairs) {
        if (records.size() < 2) {
            throw new IllegalArgumentException("at least two records are needed to estimate a model");
        }
        double[][] u = estimateU(records);
        Map<Long, long[]> patterns = samplePatterns(records, pairs, maxPairs);
        double[][] m = estimateM(patterns, u);
        double lambda = estimateLambda(patterns, m, u);
        return new MatchModel(m, u, lambda, TermFrequencies.of(records));
    }

    double[][] estimateU(List<Prepared> records) {
        int n = records.size();
        long all = (long) n * (n - 1) / 2;
        double[][] counts;
        if (all <= randomPairs) {
            counts = newTable(1.0);
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    count(counts, comparisons.compare(records.get(a), records.get(b)), 1);
                }
            }
        } else {
            // chunks with their own seeded generators: the same pairs whatever the number of threads
            long perChunk = (randomPairs + RANDOM_CHUNKS - 1) / RANDOM_CHUNKS;
            counts = IntStream.range(0, RANDOM_CHUNKS).parallel().mapToObj(chunk -> {
                double[][] local = newTable(0);
                SplittableRandom random = new SplittableRandom(seed + 1_000 + chunk);
                for (long k = 0; k < perChunk; k++) {
                    int a = random.nextInt(n);
                    int b = random.nextInt(n - 1);
                    count(local, comparisons.compare(records.get(a), records.get(b >= a ? b + 1 : b)), 1);
                }
                return local;
            }).reduce(newTable(1.0), ModelTrainer::sum);
        }
        return normalise(counts);
    }

    private static double[][] sum(double[][] x, double[][] y) {
        double[][] out = new double[x.length][];
        for (int f = 0; f < x.length; f++) {
            out[f] = x[f].clone();
            for (int level = 0; level < out[f].length; level++) {
                out[f][level] += y[f][level];
            }
        }
        return out;
    }

    /** Pattern counts keyed by (rule mask << 24 | pattern); the value is a one-element counter. */
    private Map<Long, long[]> samplePatterns(List<Prepared> records, CandidatePairs pairs, long maxPairs) {
        long total = pairs.blocks().stream().mapToLong(CandidatePairs.Block::pairCount).sum();
        double keep = total <= maxPairs ? 1.0 : (double) maxPairs / total;
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<CandidatePairs.Block> sampled = new ArrayList<>();
        for (CandidatePairs.Block block : pairs.blocks()) {
            if (keep >= 1.0 || random.nextDouble() < keep) {
                sampled.add(block);
            }
        }
        return sampled.parallelStream().collect(HashMap::new, (Map<Long, long[]> patterns, CandidatePairs.Block block) ->
                pairs.visit(block, (a, b, mask) -> {
                    int pattern = comparisons.compare(records.get(a), records.get(b));
                    patterns.computeIfAbsent((long) mask << 24 | pattern, key -> new long[1])[0]++;
                }), (into, from) -> from.forEach((key, count) ->
                into.computeIfAbsent(key, k -> new long[1])[0] += count[0]));
    }

    private double[][] estimateM(Map<Long, long[]> patterns, double[][] u) {
        double[][] sum = new double[FIELDS.length][];
        double[] mass = new double[FIELDS.length];
        for (Field f : FIELDS) {
            sum[f.ordinal()] = new double[f.levelCount()];
        }
        for (BlockingRule rule : BlockingRule.values()) {
            Map<Integer, Long> ruleCounts = new HashMap<>();
            patterns.forEach((key, count) -> {
                if ((key >>> 24 & (1L << rule.ordinal())) != 0) {
                    ruleCounts.merge((int) (key & 0xFFFFFF), count[0], Long::sum);
                }
            });
            if (ruleCounts.isEmpty()) {
                continue;
            }
            boolean[] free = new boolean[FIELDS.length];
            for (Field f : FIELDS) {
                free[f.ordinal()] = !rule.forcedFields().contains(f);
            }
            Em em = em(ruleCounts, initialM(), u, free);
            for (Field f : FIELDS) {
                if (free[f.ordinal()] && em.matchedWithField[f.ordinal()] > 0) {
                    double weight = em.matchedWithField[f.ordinal()];
                    for (int level = 1; level < f.levelCount(); level++) {
                        sum[f.ordinal()][level] += weight * em.m[f.ordinal()][level];
                    }
                    mass[f.ordinal()] += weight;
                }
            }
        }
        double[][] m = initialM();
        for (Field f : FIELDS) {
            if (mass[f.ordinal()] > 0) {
                for (int level = 1; level < f.levelCount(); level++) {
                    m[f.ordinal()][level] = Math.max(FLOOR, sum[f.ordinal()][level] / mass[f.ordinal()]);
                }
            }
        }
        return m;
    }

    private double estimateLambda(Map<Long, long[]> patterns, double[][] m, double[][] u) {
        double matched = 0;
        double all = 0;
        double lambda = 0.1;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            matched = 0;
            all = 0;
            for (var entry : patterns.entrySet()) {
                int pattern = (int) (entry.getKey() & 0xFFFFFF);
                double g = posterior(pattern, lambda, m, u, null);
                matched += g * entry.getValue()[0];
                all += entry.getValue()[0];
            }
            lambda = all == 0 ? 0.1 : Math.clamp(matched / all, FLOOR, 1 - FLOOR);
        }
        return lambda;
    }

    private record Em(double[][] m, double lambda, double[] matchedWithField) {
    }

    private static Em em(Map<Integer, Long> counts, double[][] m, double[][] u, boolean[] free) {
        double lambda = 0.1;
        double[] matchedWithField = new double[FIELDS.length];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] expected = newTable(0);
            double matched = 0;
            double all = 0;
            for (var entry : counts.entrySet()) {
                int pattern = entry.getKey();
                long count = entry.getValue();
                double g = posterior(pattern, lambda, m, u, free) * count;
                matched += g;
                all += count;
                count(expected, pattern, g);
            }
            lambda = Math.clamp(matched / all, FLOOR, 1 - FLOOR);
            for (Field f : FIELDS) {
                if (!free[f.ordinal()]) {
                    continue;
                }
                double[] levels = expected[f.ordinal()];
                double present = 0;
                for (int level = 1; level < levels.length; level++) {
                    present += levels[level];
                }
                matchedWithField[f.ordinal()] = present;
                if (present > 0) {
                    for (int level = 1; level < levels.length; level++) {
                        m[f.ordinal()][level] = Math.max(FLOOR, levels[level] / present);
                    }
                }
            }
        }
        return new Em(m, lambda, matchedWithField);
    }

    /** P(match | pattern) under the model, over the free fields only (all when free is null). */
    static double posterior(int pattern, double lambda, double[][] m, double[][] u, boolean[] free) {
        double logRatio = Math.log(lambda / (1 - lambda));
        for (Field f : FIELDS) {
            if (free != null && !free[f.ordinal()]) {
                continue;
            }
            int level = Field.level(pattern, f);
            if (level > 0) {
                logRatio += Math.log(m[f.ordinal()][level] / u[f.ordinal()][level]);
            }
        }
        return 1 / (1 + Math.exp(-logRatio));
    }

    /** Starting point for EM: agreement likely among matches, spread evenly over the rest. */
    private static double[][] initialM() {
        double[][] m = new double[FIELDS.length][];
        for (Field f : FIELDS) {
            int levels = f.levelCount();
            m[f.ordinal()] = new double[levels];
            m[f.ordinal()][1] = 0.9;
            for (int level = 2; level < levels; level++) {
                m[f.ordinal()][level] = 0.1 / (levels - 2);
            }
        }
        return m;
    }

    private static double[][] newTable(double initial) {
        double[][] table = new double[FIELDS.length][];
        for (Field f : FIELDS) {
            table[f.ordinal()] = new double[f.levelCount()];
            java.util.Arrays.fill(table[f.ordinal()], 1, f.levelCount(), initial);
        }
        return table;
    }

    private static void count(double[][] table, int pattern, double amount) {
        for (Field f : FIELDS) {
            table[f.ordinal()][Field.level(pattern, f)] += amount;
        }
    }

    private static double[][] normalise(double[][] counts) {
        double[][] out = new double[FIELDS.length][];
        for (Field f : FIELDS) {
            double[] levels = counts[f.ordinal()];
            double present = 0;
            for (int level = 1; level < levels.length; level++) {
                present += levels[level];
            }
            out[f.ordinal()] = new double[levels.length];
            for (int level = 1; level < levels.length; level++) {
                out[f.ordinal()][level] = Math.max(FLOOR, levels[level] / present);
            }
        }
        return out;
    }
}
