package org.custodian.mpi;

import java.util.ArrayList;
import java.util.List;
import org.custodian.mpi.matching.Linker;
import org.custodian.mpi.matching.Prepared;
import org.custodian.mpi.matching.Preparer;

/**
 * Generates a seeded file with known duplicates, links it in memory and measures speed (pairs per
 * second, total seconds, heap used) and quality (precision, recall, F1) against the ground truth.
 */
public final class MpiBenchmark {
    private MpiBenchmark() {
    }

    /**
     * What a run measured. {@code cpuMillis} is the CPU time the process spent linking (all threads),
     * {@code prepareCpuMillis} the part of it preparing the records: on a shared, loaded machine wall
     * time says more about the neighbours than about the engine.
     */
    public record Result(String base, int records, LinkStats stats, LinkageQuality quality, Thresholds applied, long prepareMillis,
                         long totalMillis, long cpuMillis, long prepareCpuMillis, long heapUsedBytes) {
        /**
         * The least wall time this work needs on an idle machine with {@code cores} cores: blocking
         * runs on one core, preparing, training and scoring on all.
         */
        public double idleWallSeconds(int cores) {
            long parallelCpu = cpuMillis - stats.blockingCpuMillis();
            return (stats.blockingCpuMillis() + (double) parallelCpu / cores) / 1e3;
        }
    }

    /** On people from the built-in name-frequency lists. */
    public static Result run(int records, long seed, Thresholds thresholds, Progress progress) {
        return run(new DuplicateGenerator(seed, 0.10, 0.01), records, thresholds, progress);
    }

    /** On people from {@code people} (e.g. {@link SyntheaPeople}). */
    public static Result run(PeopleSource people, int records, long seed, Thresholds thresholds, Progress progress) {
        return run(new DuplicateGenerator(people, seed, 0.10, 0.01), records, thresholds, progress);
    }

    private static Result run(DuplicateGenerator generator, int records, Thresholds thresholds, Progress progress) {
        List<DuplicateGenerator.Row> rows = generator.generate(records);
        long linkStart = System.nanoTime();
        long cpuStart = Linker.processCpuNanos();
        Preparer preparer = Preparer.standard();
        List<Prepared> prepared = rows.parallelStream().map(r -> preparer.prepare(r.demographics())).toList();
        long preparedAt = System.nanoTime();
        long cpuPrepared = Linker.processCpuNanos();
        Linker.Run run = Linker.standard().link(prepared, BootstrapModel.get(), thresholds.review(), progress);
        long end = System.nanoTime();
        long cpu = Linker.processCpuNanos() - cpuStart;
        Thresholds limits = thresholds.forIndex(run.model(), prepared.size());
        List<LinkageQuality.Linked> linked = new ArrayList<>(run.pairs().size());
        for (Linker.ScoredPair pair : run.pairs()) {
            Prepared a = prepared.get(pair.a());
            Prepared b = prepared.get(pair.b());
            MatchDecision decision = limits.decide(pair.weight(), pair.pattern(), FileLinkage.problems(a, b));
            linked.add(new LinkageQuality.Linked(a.id(), b.id(), decision.code()));
        }
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        return new Result(generator.base(), rows.size(), LinkStats.of(run.stats()), LinkageQuality.measure(rows, linked), limits,
                (preparedAt - linkStart) / 1_000_000, (end - linkStart) / 1_000_000, cpu / 1_000_000,
                (cpuPrepared - cpuStart) / 1_000_000, heap);
    }
}
