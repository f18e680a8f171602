package org.custodian.mpi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.custodian.mpi.matching.CandidatePairs;
import org.custodian.mpi.matching.Linker;
import org.custodian.mpi.matching.Prepared;
import org.custodian.mpi.matching.Preparer;

/**
 * The MPI engine over a file, with no database: for data migrations and clean-ups of legacy
 * systems. Reads a patients CSV, estimates the model from it (a file under a thousand records is
 * scored with the {@link BootstrapModel}), and writes the linked pairs
 * ({@code id_a,id_b,decision,weight}), auto-link and review by default, every compared pair on request.
 */
public final class FileLinkage {
    private final Thresholds thresholds;
    private final boolean everyPair;

    public FileLinkage(Thresholds thresholds, boolean everyPair) {
        this.thresholds = thresholds;
        this.everyPair = everyPair;
    }

    /** What a run read, compared and wrote. */
    public record Summary(LinkStats stats, long autoLinked, long review, long written) {
    }

    public Summary link(Path in, Path out, Consumer<String> warnings, Progress progress) throws IOException {
        List<Demographics> rows = PatientFile.read(in, warnings);
        Preparer preparer = Preparer.standard();
        List<Prepared> records = rows.stream().map(preparer::prepare).toList();
        double minWeight = everyPair ? Double.NEGATIVE_INFINITY : thresholds.review();
        Linker.Run run;
        if (records.size() < 2) {
            run = null;
        } else if (records.size() < BootstrapModel.MIN_TRAINING_RECORDS) {
            // too few pairs to estimate m and u from this file alone
            run = Linker.standard().score(records, CandidatePairs.of(records), BootstrapModel.get(), minWeight, progress);
        } else {
            run = Linker.standard().link(records, BootstrapModel.get(), minWeight, progress);
        }
        Thresholds limits = run == null ? thresholds : thresholds.forIndex(run.model(), records.size());
        long auto = 0;
        long review = 0;
        long written = 0;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("id_a,id_b,decision,weight\n");
            for (Linker.ScoredPair pair : run == null ? List.<Linker.ScoredPair>of() : run.pairs()) {
                Prepared a = records.get(pair.a());
                Prepared b = records.get(pair.b());
                MatchDecision decision = limits.decide(pair.weight(), pair.pattern(), problems(a, b));
                switch (decision) {
                    case MatchDecision.AutoLink link -> auto++;
                    case MatchDecision.Review r -> review++;
                    case MatchDecision.NoMatch none -> { }
                }
                writer.write(csv(a.id()) + "," + csv(b.id()) + "," + decision.code() + ","
                        + String.format(Locale.ROOT, "%.2f", pair.weight()) + "\n");
                written++;
            }
        }
        LinkStats stats = run == null ? LinkStats.empty(records.size()) : LinkStats.of(run.stats());
        return new Summary(stats, auto, review, written);
    }

    static List<String> problems(Prepared a, Prepared b) {
        if (a.problems().isEmpty()) {
            return b.problems();
        }
        return b.problems().isEmpty() ? a.problems()
                : java.util.stream.Stream.concat(a.problems().stream(), b.problems().stream()).toList();
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
