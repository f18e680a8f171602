package org.custodian.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.custodian.interop.fhir.BundleIngest;
import org.custodian.interop.fhir.ImportSummary;
import org.custodian.interop.fhir.IngestResult;
import org.custodian.interop.fhir.SyntheaBundleImporter;
import org.custodian.interop.fhir.SyntheaImport;
import org.custodian.interop.fhir.SyntheaOutput;
import org.custodian.platform.OpenEventPublications;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load FHIR R4 bundles (a file, or a folder of them such as Synthea's fhir output) into the "
                + "record: hospital and practitioner bundles first, then one transaction per patient bundle. "
                + "Exit status: 0 when every bundle loaded (or was already there), 2 when some were rejected "
                + "(the others are loaded; the reasons are listed), 1 when the import could not run. Before it exits "
                + "it waits for the checks the new data started (data quality, coding, analytics) to finish.")
public final class ImportCommand implements Callable<Integer> {
    static final String ACTOR = "import";
    static final int SOME_REJECTED = 2;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "DIR-OR-FILE", description = "A FHIR bundle (.json) or a folder of them.")
    Path source;

    @Option(names = "--checks-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait at the end for the checks the import started (default: ${DEFAULT-VALUE} s); "
                    + "those still running then resume when Custodian next starts.")
    long checksTimeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SyntheaOutput files = files(source);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
            Instant began = Instant.now();
            BundleIngest ingest = running.bean(BundleIngest.class);
            SyntheaImport run = running.bean(SyntheaBundleImporter.class).begin(ACTOR);
            List<String> rejected = new ArrayList<>();
            long bytes = 0;
            List<Path> all = new ArrayList<>(files.organizations());
            all.addAll(files.practitioners());
            all.addAll(files.patients());
            for (Path file : all) {
                bytes += Files.size(file);
            }
            ProgressBar bar = new ProgressBar("importing", bytes, err, ProgressBar.onTerminal());
            long started = System.nanoTime();
            int done = 0;
            for (Path file : all) {
                String name = file.getFileName().toString();
                if (ingest.load(run, file, name) instanceof IngestResult.Refused no) {
                    rejected.add(name + ": " + no.reason());
                }
                bar.advance(Files.size(file), ++done + "/" + all.size() + " bundles");
            }
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            ImportSummary summary = run.summary();
            bar.finish(summary.loaded() + " patients loaded, " + summary.alreadyLoaded() + " already there, "
                    + rejected.size() + " rejected");
            out.printf("Loaded %d patient bundles, %,d resources in %.1f s (%,.0f resources/s); %d already there; "
                            + "%d of %d bundles rejected.%n", summary.loaded(), summary.resources(), seconds,
                    summary.resources() / seconds, summary.alreadyLoaded(), rejected.size(), all.size());
            if (!summary.skippedResourceTypes().isEmpty()) {
                out.println("Not loaded (the record does not hold them): " + summary.skippedResourceTypes().entrySet()
                        .stream().map(e -> String.format("%,d %s", e.getValue(), e.getKey()))
                        .collect(Collectors.joining(", ")));
            }
            if (summary.linked() + summary.queuedForReview() > 0) {
                out.printf("Master patient index: %d bundles linked to a patient already in the record; %d new patients"
                        + " with possible duplicates queued for review.%n", summary.linked(), summary.queuedForReview());
            }
            rejected.forEach(reason -> out.println("rejected " + reason));
            out.flush();
            new ChecksWait(running.bean(OpenEventPublications.class), err, ProgressBar.onTerminal())
                    .await(began, Duration.ofSeconds(checksTimeoutSeconds));
            return rejected.isEmpty() ? 0 : SOME_REJECTED;
        }
    }

    /** A folder in Synthea's load order (hospitals, practitioners, patients), or the one file given. */
    static SyntheaOutput files(Path source) {
        if (Files.isDirectory(source)) {
            return SyntheaOutput.in(source);
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such file or folder: " + source);
        }
        return switch (BundleIngest.kind(source)) {
            case ORGANIZATIONS -> new SyntheaOutput(List.of(source), List.of(), List.of());
            case PRACTITIONERS -> new SyntheaOutput(List.of(), List.of(source), List.of());
            case PATIENT -> new SyntheaOutput(List.of(), List.of(), List.of(source));
        };
    }
}
