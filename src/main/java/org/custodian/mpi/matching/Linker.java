package org.custodian.mpi.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.custodian.mpi.Progress;

/**
 * Runs the whole engine over a set of records: block, train the model on them, compare every
 * candidate pair once (in parallel) and keep those weighing at least {@code minWeight}.
 */
public final class Linker {
    /**
     * Candidate pairs EM trains on at most; beyond this a random share of blocks is used. Half a
     * million pairs hold every comparison pattern that matters many times over; training on all of
     * them cost as much as the comparing itself and learnt nothing more.
     */
    public static final long TRAINING_PAIRS = 500_000;
    private static final long RANDOM_PAIRS = 300_000;

    private final Comparisons comparisons;
    private final long seed;

    public Linker(Comparisons comparisons, long seed) {
        this.comparisons = comparisons;
        this.seed = seed;
    }

    public static Linker standard() {
        return new Linker(new Comparisons(Nicknames.standard()), 20261124L);
    }

    public Comparisons comparisons() {
        return comparisons;
    }

    /** A pair that scored at least the minimum weight; a and b index the input list. */
    public record ScoredPair(int a, int b, int pattern, double weight) {
    }

    /**
     * What a run did: pairs compared in total and per blocking rule, blocks skipped, time taken per
     * phase, as wall time and as the CPU time the whole process spent in it (all threads; blocking runs
     * on one, training and scoring on all cores).
     */
    public record Stats(int records, long pairsCompared, long[] pairsPerRule, long skippedPairs,
                        long blockingMillis, long trainingMillis, long scoringMillis,
                        long blockingCpuMillis, long trainingCpuMillis, long scoringCpuMillis) {
        public double pairsPerSecond() {
            return scoringMillis == 0 ? pairsCompared * 1000.0 : pairsCompared * 1000.0 / scoringMillis;
        }
    }

    public record Run(MatchModel model, List<ScoredPair> pairs, Stats stats) {
    }

    /**
     * Trains on the records (EM starting from {@code start}'s m; null for even starting values) and
     * scores them; {@code progress} receives pairs compared so far.
     */
    public Run link(List<Prepared> records, MatchModel start, double minWeight, Progress progress) {
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        CandidatePairs candidates = CandidatePairs.of(records);
        long blocked = System.nanoTime();
        long cpuBlocked = processCpuNanos();
        MatchModel model = new ModelTrainer(comparisons, RANDOM_PAIRS, seed).train(records, candidates, TRAINING_PAIRS, start);
        long trained = System.nanoTime();
        long cpuTrained = processCpuNanos();
        Run run = score(records, candidates, model, minWeight, progress);
        Stats stats = run.stats();
        return new Run(model, run.pairs(), new Stats(records.size(), stats.pairsCompared(), stats.pairsPerRule(),
                stats.skippedPairs(), (blocked - started) / 1_000_000, (trained - blocked) / 1_000_000,
                stats.scoringMillis(), (cpuBlocked - cpuStarted) / 1_000_000, (cpuTrained - cpuBlocked) / 1_000_000,
                stats.scoringCpuMillis()));
    }

    /** CPU time the whole process has used so far (all threads), in nanoseconds; 0 where unknown. */
    public static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Scores every candidate pair with a given model. */
    public Run score(List<Prepared> records, CandidatePairs candidates, MatchModel model, double minWeight,
                     Progress progress) {
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        AtomicLongArray perRule = new AtomicLongArray(BlockingRule.values().length);
        AtomicLong compared = new AtomicLong();
        AtomicLong considered = new AtomicLong();
        long total = candidates.blocks().stream().mapToLong(CandidatePairs.Block::pairCount).sum();
        List<ScoredPair> kept = candidates.blocks().parallelStream().map(block -> {
            List<ScoredPair> found = new ArrayList<>();
            long visited = candidates.visit(block, (a, b, mask) -> {
                Prepared x = records.get(a);
                Prepared y = records.get(b);
                int pattern = comparisons.compare(x, y);
                double weight = model.weight(pattern, x, y);
                if (weight >= minWeight) {
                    found.add(new ScoredPair(a, b, pattern, weight));
                }
            });
            perRule.addAndGet(block.rule(), visited);
            compared.addAndGet(visited);
            progress.update(considered.addAndGet(block.pairCount()), total);
            return found;
        }).flatMap(List::stream).sorted(Comparator.comparingInt(ScoredPair::a).thenComparingInt(ScoredPair::b)).toList();
        long[] rules = new long[perRule.length()];
        for (int r = 0; r < rules.length; r++) {
            rules[r] = perRule.get(r);
        }
        return new Run(model, kept, new Stats(records.size(), compared.get(), rules, candidates.skippedPairs(),
                0, 0, (System.nanoTime() - started) / 1_000_000, 0, 0, (processCpuNanos() - cpuStarted) / 1_000_000));
    }
}
