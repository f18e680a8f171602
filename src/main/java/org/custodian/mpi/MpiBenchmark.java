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

    public record Result(int records, LinkStats stats, LinkageQuality quality, long prepareMillis,
                         long totalMillis, long heapUsedBytes) {
    }

    public static Result run(int records, long seed, Thresholds thresholds, Progress progress) {
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(seed, 0.10, 0.01).generate(records);
        long linkStart = System.nanoTime();
        Preparer preparer = Preparer.standard();
        List<Prepared> prepared = rows.parallelStream().map(r -> preparer.prepare(r.demographics())).toList();
        long preparedAt = System.nanoTime();
        Linker.Run run = Linker.standard().link(prepared, thresholds.review(), progress);
        long end = System.nanoTime();
        List<LinkageQuality.Linked> linked = new ArrayList<>(run.pairs().size());
        for (Linker.ScoredPair pair : run.pairs()) {
            Prepared a = prepared.get(pair.a());
            Prepared b = prepared.get(pair.b());
            MatchDecision decision = thresholds.decide(pair.weight(), pair.pattern(), FileLinkage.problems(a, b));
            linked.add(new LinkageQuality.Linked(a.id(), b.id(), decision.code()));
        }
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        return new Result(rows.size(), LinkStats.of(run.stats()), LinkageQuality.measure(rows, linked),
                (preparedAt - linkStart) / 1_000_000, (end - linkStart) / 1_000_000, heap);
    }
}
