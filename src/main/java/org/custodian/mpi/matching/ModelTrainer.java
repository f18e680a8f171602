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
 * <li>m (how often matches agree) by expectation–maximisation, once per training blocking rule
 * ({@link BlockingRule#trainsModel()}: keys strangers rarely share, so true matches are common among
 * their pairs at any size of index), leaving out the fields that rule forces to agree (as Splink
 * does) and the pairs {@link HouseholdRule} calls two people (twins share a birth date block), then averaged over the rules weighted by their expected matches. EM starts from a given
 * model's m (the bootstrap model's, in practice) and keeps u fixed; a field whose estimate comes out
 * implausible (agreement no likelier among matches than among strangers) keeps the starting m.</li>
 * <li>lambda, the share of matches among all candidates, by a last EM round with m and u fixed over a
 * sample of candidate pairs; scaled to every candidate pair it gives the true pairs to expect per
 * record, from which {@link MatchModel#priorLog2Odds} derives the prior odds of a match.</li>
 * </ul>
 */
public final class ModelTrainer {
    private static final Field[] FIELDS = Field.values();
    private static final double FLOOR = 1e-5;
    private static final int ITERATIONS = 40;
    private static final int RANDOM_CHUNKS = 64;
    /** Candidate pairs sampled (over all rules) to estimate lambda. */
    private static final long LAMBDA_PAIRS = 200_000;

    private final Comparisons comparisons;
    private final long randomPairs;
    private final long seed;

    public ModelTrainer(Comparisons comparisons, long randomPairs, long seed) {
        this.comparisons = comparisons;
        this.randomPairs = randomPairs;
        this.seed = seed;
    }

    /** Trains with EM started from even starting values; see {@link #train(List, CandidatePairs, long, MatchModel)}. */
    public MatchModel train(List<Prepared> records, CandidatePairs pairs, long maxPairs) {
        return train(records, pairs, maxPairs, null);
    }

    /**
     * Trains on the records and candidate pairs, EM visiting at most {@code maxPairs} pairs of the
     * training rules, starting from the m of {@code start} (null: agreement likely among matches).
     */
    public MatchModel train(List<Prepared> records, CandidatePairs pairs, long maxPairs, MatchModel start) {
        if (records.size() < 2) {
            throw new IllegalArgumentException("at least two records are needed to estimate a model");
        }
        double[][] u = estimateU(records);
        double[][] startM = start == null ? initialM() : start.mTable();
        double[][] m = estimateM(trainingPatterns(records, pairs, maxPairs), startM, u);
        List<CandidatePairs.Block> sampled = sample(pairs.blocks(), Math.min(maxPairs, LAMBDA_PAIRS), -1);
        Map<Integer, Long> patterns = countPatterns(records, pairs, sampled, false);
        double lambda = estimateLambda(patterns, m, u);
        // the sample's matches scaled to every candidate pair: the true pairs to expect per record
        double sampledShare = (double) pairCount(sampled) / Math.max(1, pairCount(pairs.blocks()));
        long sampledPairs = patterns.values().stream().mapToLong(Long::longValue).sum();
        double matchesPerRecord = sampledShare == 0 ? 0 : lambda * sampledPairs / sampledShare / records.size();
        return new MatchModel(m, u, lambda, matchesPerRecord, TermFrequencies.of(records));
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

    /**
     * Pattern counts of each training rule: every pair sharing the rule's key in a random share of
     * its blocks (the same share for every block of a rule), whichever rule the scoring assigns it to.
     */
    private Map<BlockingRule, Map<Integer, Long>> trainingPatterns(List<Prepared> records, CandidatePairs pairs,
                                                                   long maxPairs) {
        List<BlockingRule> rules = java.util.Arrays.stream(BlockingRule.values()).filter(BlockingRule::trainsModel).toList();
        Map<BlockingRule, Map<Integer, Long>> out = new java.util.EnumMap<>(BlockingRule.class);
        for (BlockingRule rule : rules) {
            List<CandidatePairs.Block> blocks = pairs.blocks().stream().filter(b -> b.rule() == rule.ordinal()).toList();
            Map<Integer, Long> counts = countPatterns(records, pairs, sample(blocks, maxPairs / rules.size(), rule.ordinal()),
                    true);
            // pairs the household rule calls two people whatever their weight (twins) teach nothing about matches
            counts.keySet().removeIf(pattern -> HouseholdRule.twoPeople(pattern).isPresent());
            if (!counts.isEmpty()) {
                out.put(rule, counts);
            }
        }
        return out;
    }

    private static long pairCount(List<CandidatePairs.Block> blocks) {
        return blocks.stream().mapToLong(CandidatePairs.Block::pairCount).sum();
    }

    private List<CandidatePairs.Block> sample(List<CandidatePairs.Block> blocks, long maxPairs, int salt) {
        long total = blocks.stream().mapToLong(CandidatePairs.Block::pairCount).sum();
        if (total <= maxPairs) {
            return blocks;
        }
        double keep = (double) maxPairs / total;
        SplittableRandom random = new SplittableRandom(seed + 1 + salt);
        List<CandidatePairs.Block> sampled = new ArrayList<>();
        for (CandidatePairs.Block block : blocks) {
            if (random.nextDouble() < keep) {
                sampled.add(block);
            }
        }
        return sampled;
    }

    private Map<Integer, Long> countPatterns(List<Prepared> records, CandidatePairs pairs,
                                             List<CandidatePairs.Block> blocks, boolean everySharingPair) {
        Map<Integer, long[]> counted = blocks.parallelStream().collect(HashMap::new,
                (Map<Integer, long[]> patterns, CandidatePairs.Block block) -> {
                    CandidatePairs.PairVisitor visitor = (a, b, mask) -> patterns.computeIfAbsent(
                            comparisons.compare(records.get(a), records.get(b)), key -> new long[1])[0]++;
                    if (everySharingPair) {
                        pairs.visitAll(block, visitor);
                    } else {
                        pairs.visit(block, visitor);
                    }
                }, (into, from) -> from.forEach((key, count) -> into.computeIfAbsent(key, k -> new long[1])[0] += count[0]));
        Map<Integer, Long> out = new HashMap<>();
        counted.forEach((pattern, count) -> out.put(pattern, count[0]));
        return out;
    }

    private double[][] estimateM(Map<BlockingRule, Map<Integer, Long>> patterns, double[][] startM, double[][] u) {
        double[][] sum = new double[FIELDS.length][];
        double[] mass = new double[FIELDS.length];
        for (Field f : FIELDS) {
            sum[f.ordinal()] = new double[f.levelCount()];
        }
        patterns.forEach((rule, ruleCounts) -> {
            boolean[] free = new boolean[FIELDS.length];
            for (Field f : FIELDS) {
                free[f.ordinal()] = !rule.forcedFields().contains(f);
            }
            Em em = em(ruleCounts, deepCopy(startM), u, free);
            for (Field f : FIELDS) {
                if (free[f.ordinal()] && em.matchedWithField[f.ordinal()] > 0) {
                    double weight = em.matchedWithField[f.ordinal()];
                    for (int level = 1; level < f.levelCount(); level++) {
                        sum[f.ordinal()][level] += weight * em.m[f.ordinal()][level];
                    }
                    mass[f.ordinal()] += weight;
                }
            }
        });
        double[][] m = deepCopy(startM);
        for (Field f : FIELDS) {
            int i = f.ordinal();
            if (mass[i] == 0) {
                continue;
            }
            double[] estimate = new double[f.levelCount()];
            for (int level = 1; level < f.levelCount(); level++) {
                estimate[level] = Math.max(FLOOR, sum[i][level] / mass[i]);
            }
            if (estimate[1] > u[i][1]) {
                m[i] = estimate;
            }
        }
        return m;
    }

    private static double[][] deepCopy(double[][] table) {
        double[][] copy = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            copy[i] = table[i].clone();
        }
        return copy;
    }

    private double estimateLambda(Map<Integer, Long> patterns, double[][] m, double[][] u) {
        double lambda = 0.1;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double matched = 0;
            double all = 0;
            for (var entry : patterns.entrySet()) {
                matched += posterior(entry.getKey(), lambda, m, u, null) * entry.getValue();
                all += entry.getValue();
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
