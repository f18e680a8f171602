package org.custodian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.custodian.interop.fhir.BundleOutcome;
import org.custodian.interop.fhir.ImportSummary;
import org.custodian.interop.fhir.SyntheaBundleImporter;
import org.custodian.interop.fhir.SyntheaImport;
import org.custodian.interop.fhir.SyntheaOutput;
import org.custodian.training.SandboxFiller;
import org.custodian.training.TrainingSandbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sandbox filler a server uses when a trainer loads the sandbox from the browser: Synthea runs
 * as {@code custodian training sandbox} runs it (same runner, same import, same condition map in the
 * data folder), telling progress instead of drawing a bar.
 */
@Component
final class SyntheaSandboxFiller implements SandboxFiller {
    private final TrainingSandbox sandbox;
    private final SyntheaBundleImporter importer;
    private final String dataDirectory;

    SyntheaSandboxFiller(TrainingSandbox sandbox, SyntheaBundleImporter importer,
                         @Value("${custodian.data-directory:}") String dataDirectory) {
        this.sandbox = sandbox;
        this.importer = importer;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public Filled fill(int patients, long seed, String actor, Progress progress) throws IOException, InterruptedException {
        SyntheaRunner synthea = SyntheaRunner.locate(System.getenv());
        Path work = Files.createTempDirectory("custodian-training-");
        try {
            progress.update("generating patients", 0, patients);
            SyntheaRunner.Generated generated = synthea.generate(patients, seed, work,
                    (alive, deceased) -> progress.update("generating patients", Math.min(alive, patients), patients));
            if (!dataDirectory.isBlank()) {
                TrainingSandboxCommand.copyConditionMap(synthea.syntheaJar(),
                        Path.of(dataDirectory).resolve(TrainingSandboxCommand.CONDITION_MAP_COPY));
            }
            SyntheaImport run = importer.beginInto(sandbox.ensureFacility(), actor);
            load(run, generated.output(), progress);
            ImportSummary summary = run.summary();
            return new Filled(summary.loaded(), summary.alreadyLoaded(), summary.rejected().size());
        } finally {
            deleteQuietly(work);
        }
    }

    private static void load(SyntheaImport run, SyntheaOutput output, Progress progress) {
        output.organizations().forEach(run::loadOrganizations);
        output.practitioners().forEach(run::loadPractitioners);
        int total = output.patients().size();
        int done = 0;
        progress.update("loading patients", 0, total);
        for (Path file : output.patients()) {
            BundleOutcome ignored = run.loadPatient(file); // rejections are counted in the run's summary
            progress.update("loading patients", ++done, total);
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
