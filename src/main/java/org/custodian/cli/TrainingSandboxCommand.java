package org.custodian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.custodian.interop.fhir.ImportSummary;
import org.custodian.interop.fhir.SyntheaBundleImporter;
import org.custodian.interop.fhir.SyntheaImport;
import org.custodian.record.Facility;
import org.custodian.training.TrainingSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Generate synthetic patients with Synthea (seeded, offline) and load them into the training "
                + "sandbox facility (code TRAINING), which is created if missing. Also keeps Synthea's SNOMED CT to "
                + "ICD-10-CM condition map in the data folder, from which trainers' answer keys are suggested.")
final class TrainingSandboxCommand implements Callable<Integer> {
    static final String ACTOR = "training";
    private static final String CONDITION_MAP = "export/condition_code_map.json";
    static final String CONDITION_MAP_COPY = "files/training/condition_code_map.json";

    @Mixin
    DataOptions data;

    @Option(names = "--patients", paramLabel = "N", defaultValue = "50",
            description = "Living patients to generate (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
            description = "Synthea seed; differs from the demo's so sandbox patients are never the demo's "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (patients < 1 || patients > 10_000) {
            throw new IllegalArgumentException("--patients must be between 1 and 10000, not " + patients);
        }
        SyntheaRunner synthea = SyntheaRunner.locate(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("custodian-training-");
        try {
            SyntheaRunner.Generated generated = synthea.generateShowingProgress(patients, seed, work, err);
            copyConditionMap(synthea.syntheaJar(), data.dataDirectory().resolve(CONDITION_MAP_COPY));
            try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                TrainingSandbox sandbox = running.bean(TrainingSandbox.class);
                Facility facility = sandbox.ensureFacility();
                SyntheaImport run = running.bean(SyntheaBundleImporter.class).beginInto(facility, ACTOR);
                ProgressBar loading = new ProgressBar("loading patients", generated.output().patientBytes(), err,
                        ProgressBar.onTerminal());
                ImportSummary summary = DemoCommand.load(run, generated.output(), loading, err);
                out.printf("Training sandbox %s (%s): %d new synthetic patients, %d already loaded, %d rejected; "
                                + "%d patients in the sandbox.%n", facility.name(), facility.code(), summary.loaded(),
                        summary.alreadyLoaded(), summary.rejected().size(), sandbox.patients());
                out.println("Trainees (role TRAINEE) see this facility only; trainers (role TRAINER) build exercise "
                        + "sets from its encounters at /training/sets.");
                return summary.rejected().isEmpty() ? 0 : ImportCommand.SOME_REJECTED;
            }
        } finally {
            deleteQuietly(work);
        }
    }

    static void copyConditionMap(Path syntheaJar, Path target) throws IOException {
        try (ZipFile jar = new ZipFile(syntheaJar.toFile())) {
            ZipEntry entry = jar.getEntry(CONDITION_MAP);
            if (entry == null) {
                throw new IOException(syntheaJar + " has no " + CONDITION_MAP);
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans up what is left
        }
    }
}
