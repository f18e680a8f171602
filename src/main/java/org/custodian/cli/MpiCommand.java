package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.custodian.mpi.FileLinkage;
import org.custodian.mpi.MpiBenchmark;
import org.custodian.mpi.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mpi", mixinStandardHelpOptions = true,
        description = "Master patient index: find duplicate patients in the index or in a file.",
        subcommands = {MpiCommand.Link.class, MpiScanCommand.class, MpiCommand.Bench.class, MpiCorruptCommand.class})
public final class MpiCommand {

    /** Threshold options shared by the commands that decide. */
    static final class ThresholdOptions {
        @Option(names = "--auto-link", paramLabel = "WEIGHT",
                description = "Match weight at or above which a pair is linked automatically (default: 16, raised "
                        + "with the review threshold for a large index).")
        Double autoLink;

        @Option(names = "--review", paramLabel = "WEIGHT",
                description = "Match weight at or above which a pair goes to review (default: where the model gives "
                        + "a match probability of 5 % for the index at hand, at least 10).")
        Double review;

        /** The thresholds given, taken as they are; the model-following default when none is. */
        Thresholds thresholds() {
            if (autoLink == null && review == null) {
                return Thresholds.DEFAULT;
            }
            return new Thresholds(autoLink == null ? Thresholds.DEFAULT.autoLink() : autoLink,
                    review == null ? Thresholds.DEFAULT.review() : review);
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link the records of a patients CSV among themselves; no database needed. Input columns: "
                    + "id, given, family, birth_date, sex, address, city, state, zip, phone, ssn (empty allowed). "
                    + "Output: id_a, id_b, decision (auto-link | review | no-match), weight.")
    static final class Link implements Callable<Integer> {
        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Patients CSV to read.")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Pairs CSV to write.")
        Path out;

        @Option(names = "--all-pairs", description = "Also write compared pairs below the review threshold (no-match).")
        boolean allPairs;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        ThresholdOptions thresholdOptions = new ThresholdOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Thresholds thresholds;
            try {
                thresholds = thresholdOptions.thresholds();
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!java.nio.file.Files.isReadable(in)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--in " + in + ": no such readable file");
            }
            MpiProgress progress = new MpiProgress("comparing pairs", err);
            FileLinkage.Summary summary = new FileLinkage(thresholds, allPairs).link(in, out, err::println, progress);
            var stats = summary.stats();
            progress.finish(String.format(Locale.ROOT, "%,d pairs compared", stats.pairsCompared()));
            PrintWriter outWriter = spec.commandLine().getOut();
            outWriter.printf(Locale.ROOT, "%,d records, %,d pairs compared (%s), %,d pairs skipped in oversized blocks%n",
                    stats.records(), stats.pairsCompared(), stats.perKeyText(), stats.skippedPairs());
            outWriter.printf(Locale.ROOT, "%,d auto-link, %,d review; %,d pairs written to %s%n",
                    summary.autoLinked(), summary.review(), summary.written(), out);
            return 0;
        }
    }

    private static String millis(org.custodian.mpi.MpiLookupBenchmark.Percentiles p) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", p.p50() / 1e3,
                p.p95() / 1e3, p.p99() / 1e3, p.max() / 1e3);
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Generate a seeded file with known duplicates, link it, and report speed and quality; "
                    + "with --lookup, time the real-time candidate lookup against a database holding --records patients.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--records", defaultValue = "100000", description = "Records to generate (default: ${DEFAULT-VALUE}).")
        int records;

        @Option(names = "--lookup", description = "Bulk-load --records generated patients into the database of --data "
                + "(reused by a later run of the same size) and time real-time candidate lookups.")
        boolean lookup;

        @Option(names = "--probes", defaultValue = "2000",
                description = "With --lookup: registrations to look up (default: ${DEFAULT-VALUE}).")
        int probes;

        @picocli.CommandLine.Mixin
        DataOptions data;

        @picocli.CommandLine.Mixin
        MpiSyntheaOptions synthea;

        @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        ThresholdOptions thresholdOptions = new ThresholdOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (records < 2 || probes < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--records must be at least 2 and --probes at least 1");
            }
            if (lookup) {
                if (synthea.directory != null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--synthea is not available with --lookup");
                }
                return lookup(err);
            }
            var people = synthea.people(seed, spec);
            MpiProgress progress = new MpiProgress("comparing pairs", err);
            MpiBenchmark.Result result = people
                    .map(p -> MpiBenchmark.run(p, records, seed, thresholdOptions.thresholds(), progress))
                    .orElseGet(() -> MpiBenchmark.run(records, seed, thresholdOptions.thresholds(), progress));
            progress.finish("done");
            var stats = result.stats();
            var q = result.quality();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "people: %s%n", result.base());
            out.printf(Locale.ROOT, "records %,d; pairs compared %,d (%s); skipped %,d%n", result.records(),
                    stats.pairsCompared(), stats.perKeyText(), stats.skippedPairs());
            out.printf(Locale.ROOT, "time: prepare %.1f s, block %.1f s, train (EM) %.1f s, score %.1f s, total %.1f s; "
                            + "%.0f pairs/s; heap %,d MB%n",
                    result.prepareMillis() / 1e3, stats.blockingMillis() / 1e3, stats.trainingMillis() / 1e3,
                    stats.scoringMillis() / 1e3, result.totalMillis() / 1e3, stats.pairsPerSecond(),
                    result.heapUsedBytes() >> 20);
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf(Locale.ROOT, "CPU time %.1f s: prepare %.1f s, block %.1f s (one core), train %.1f s, score %.1f s; "
                            + "an idle machine with %d processors needs at least %.1f s of wall time; load average %.1f%n",
                    result.cpuMillis() / 1e3, result.prepareCpuMillis() / 1e3, stats.blockingCpuMillis() / 1e3,
                    stats.trainingCpuMillis() / 1e3, stats.scoringCpuMillis() / 1e3, cores,
                    result.idleWallSeconds(cores),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf(Locale.ROOT, "thresholds for this index: auto-link %.1f, review %.1f%n",
                    result.applied().autoLink(), result.applied().review());
            out.printf(Locale.ROOT, "true pairs %,d; auto-link %,d (%,d correct); review %,d (%,d correct)%n",
                    q.truePairs(), q.autoLinked(), q.autoLinkedCorrect(), q.review(), q.reviewCorrect());
            out.printf(Locale.ROOT, "precision %.4f, recall %.4f, F1 %.4f; auto-link precision %.4f%n",
                    q.precision(), q.recall(), q.f1(), q.autoLinkPrecision());
            return 0;
        }

        private int lookup(PrintWriter err) {
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, java.util.Map.of())) {
                MpiProgress progress = new MpiProgress("loading and looking up", err);
                var r = app.bean(org.custodian.mpi.MpiLookupBenchmark.class).run(records, probes, seed, progress);
                progress.finish("done");
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "%,d patients indexed (bulk load %.1f s%s); %,d lookups%n", r.indexed(),
                        r.loadMillis() / 1e3, r.loadMillis() == 0 ? ", reused" : "", r.probes());
                out.printf(Locale.ROOT, "latency %s; %.2f candidates a lookup%n", millis(r.wall()),
                        r.candidatesPerProbe());
                out.printf(Locale.ROOT, "CPU of the asking thread %s%n", millis(r.threadCpu()));
                if (r.schedulerFigures()) {
                    out.printf(Locale.ROOT, "CPU of the database %s%n", millis(r.databaseCpu()));
                    out.printf(Locale.ROOT, "CPU of thread and database together %s%n", millis(r.totalCpu()));
                }
                out.printf(Locale.ROOT, "duplicates of indexed people found: %,d of %,d; load average %.1f%n",
                        r.duplicatesFound(), r.duplicateProbes(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                return 0;
            }
        }
    }


}
