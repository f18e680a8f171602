package org.custodian.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.interop.fhir.BundleOutcome;
import org.custodian.interop.fhir.DemoFacilities;
import org.custodian.interop.fhir.ImportSummary;
import org.custodian.interop.fhir.SyntheaBundleImporter;
import org.custodian.interop.fhir.SyntheaImport;
import org.custodian.interop.fhir.SyntheaOutput;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;
import org.custodian.record.PractitionerRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate synthetic patients with Synthea (seeded, offline), load them into a hospital, "
                + "a physician office and a nursing home, create one demo user per role, print their logins, "
                + "then serve like `serve`.")
public final class DemoCommand implements Callable<Integer> {
    static final String ACTOR = "demo";

    @Mixin
    DataOptions data;

    @Option(names = "--patients", paramLabel = "N", defaultValue = "100",
            description = "Living patients to generate; Synthea adds the deceased it meets on the way (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Synthea seed: the same seed gives the same patients (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mllp-port", paramLabel = "P", defaultValue = "2575",
            description = "HL7 v2 MLLP port (default: ${DEFAULT-VALUE}).")
    int mllpPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (patients < 1 || patients > 100_000) {
            throw new IllegalArgumentException("--patients must be between 1 and 100000, not " + patients);
        }
        SyntheaRunner synthea = SyntheaRunner.locate(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("custodian-synthea-");
        Thread cleanup = new Thread(() -> deleteQuietly(work), "synthea-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            SyntheaRunner.Generated generated = synthea.generateShowingProgress(patients, seed, work, err);

            Launcher.Running running = ServeCommand.serve(data, port, mllpPort);
            SyntheaImport run = running.bean(SyntheaBundleImporter.class).begin(ACTOR);
            // users first: the logins work while patients are still arriving
            DemoUsers.create(running.bean(UserAccounts.class), run.facilities(), ACTOR);
            ProgressBar loading = new ProgressBar("loading patients", generated.output().patientBytes(), err,
                    ProgressBar.onTerminal());
            long started = System.nanoTime();
            ImportSummary summary = load(run, generated.output(), loading, err);
            Duration loadTime = Duration.ofNanos(System.nanoTime() - started);
            if (summary.loaded() + summary.alreadyLoaded() == 0) {
                throw new IllegalStateException(summary.rejected().isEmpty() ? "Synthea wrote no patient bundles"
                        : "no patient bundle could be loaded; the first refused: "
                        + summary.rejected().getFirst().file() + ": " + summary.rejected().getFirst().reason());
            }
            report(out, generated, summary, loadTime, run.facilities());
            DemoUsers.linkDoctor(running.bean(UserAccounts.class), running.bean(PractitionerRepository.class), ACTOR)
                    .ifPresent(p -> out.printf("The demo physician 'doctor' signs as Dr %s %s, who attends the most "
                            + "encounters.%n", p.given(), p.family()));
        } finally {
            deleteQuietly(work);
            removeHook(cleanup);
        }
        return 0;
    }

    /** Loads organizations, practitioners, then each patient bundle, advancing the bar by bytes read. */
    static ImportSummary load(SyntheaImport run, SyntheaOutput output, ProgressBar bar, PrintWriter err)
            throws IOException {
        for (Path file : output.organizations()) {
            warnIfRejected(run.loadOrganizations(file), err);
        }
        for (Path file : output.practitioners()) {
            warnIfRejected(run.loadPractitioners(file), err);
        }
        int done = 0;
        int total = output.patients().size();
        bar.update(0, "0/" + total + " patient bundles");
        for (Path file : output.patients()) {
            warnIfRejected(run.loadPatient(file), err);
            bar.advance(Files.size(file), ++done + "/" + total + " patient bundles");
        }
        ImportSummary summary = run.summary();
        bar.finish(summary.loaded() + " loaded, " + summary.alreadyLoaded() + " already there, "
                + summary.rejected().size() + " rejected");
        return summary;
    }

    private static void warnIfRejected(BundleOutcome outcome, PrintWriter err) {
        if (outcome instanceof BundleOutcome.Rejected rejected) {
            err.println();
            err.println("rejected " + rejected.file() + ": " + rejected.reason());
            err.flush();
        }
    }

    private void report(PrintWriter out, SyntheaRunner.Generated generated, ImportSummary summary, Duration loadTime,
                        DemoFacilities facilities) {
        out.printf("Synthea generated %d living and %d deceased patients (seed %d) in %s.%n",
                generated.alive(), generated.deceased(), seed, seconds(generated.elapsed()));
        out.printf("Loaded %d patients, %,d resources in %s (%,.0f resources/s); %d rejected.%n", summary.loaded(),
                summary.resources(), seconds(loadTime), summary.resources() / Math.max(0.001, loadTime.toMillis() / 1000.0),
                summary.rejected().size());
        if (summary.alreadyLoaded() > 0) {
            out.printf("%d patients were already in the record from an earlier demo with the same seed; skipped them.%n",
                    summary.alreadyLoaded());
        }
        for (Facility facility : facilities.all()) {
            int count = summary.patientsByFacility().getOrDefault(facility.type(), 0);
            out.printf("  %-42s %s: %d new patient%s%n", facility.name(), facility.type().label().toLowerCase(Locale.ROOT),
                    count, count == 1 ? "" : "s");
        }
        if (!summary.skippedResourceTypes().isEmpty()) {
            out.println("  not loaded (the record does not hold them): " + summary.skippedResourceTypes().entrySet()
                    .stream().map(e -> String.format("%,d %s", e.getValue(), e.getKey())).collect(Collectors.joining(", ")));
        }
        out.println();
        out.println("Demo logins (demo data and passwords only; never use them for real patients):");
        DemoUsers.table().forEach(out::println);
        out.println();
        out.println("Open http://localhost:" + port + "/ and sign in. Stop with Ctrl-C.");
        out.flush();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans up what is left
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

}
