package org.custodian.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custodian.interop.fhir.SyntheaOutput;

/**
 * Runs Synthea as a child JVM on the same Java, with the jars that the build puts in
 * {@code synthea-lib/} next to custodian.jar (their ~200 MB stay out of custodian.jar). Synthea is
 * seeded and offline; it writes one FHIR bundle per patient and prints one line per patient.
 */
final class SyntheaRunner {
    static final String LIB_VARIABLE = "CUSTODIAN_SYNTHEA_LIB";
    /** A fixed reference date, so the same seed gives the same patients on any day. */
    static final String REFERENCE_DATE = "20250101";
    /**
     * FHIR resources the record does not hold; leaving them out makes bundles several times smaller.
     * DiagnosticReport stays in: Synthea writes an encounter's note (DocumentReference) only
     * together with its report. The importer skips the reports and counts them. Claim stays in for
     * the encounters' gross charges (its explanation of benefit repeats them with payer figures the
     * record does not keep).
     */
    static final String EXCLUDED_RESOURCES = "ExplanationOfBenefit,MedicationAdministration,SupplyDelivery,"
            + "Device,ImagingStudy,CareTeam,CarePlan,Medication,MedicationRequest,Immunization,"
            + "AllergyIntolerance,Provenance,Location";
    private static final Pattern PATIENT_LINE = Pattern.compile("^\\d+ -- .*");

    /** Told after each generated patient; Synthea's count covers living patients, the deceased come extra. */
    @FunctionalInterface
    interface Listener {
        void generated(int alive, int deceased);
    }

    record Generated(SyntheaOutput output, int alive, int deceased, Duration elapsed) {
    }

    private final Path libDirectory;
    private final String java;

    SyntheaRunner(Path libDirectory, String java) {
        this.libDirectory = libDirectory;
        this.java = java;
    }

    /** The Synthea jar itself, for the data files it carries (e.g. its SNOMED CT to ICD-10-CM map). */
    Path syntheaJar() throws IOException {
        try (Stream<Path> files = Files.list(libDirectory)) {
            return files.filter(f -> f.getFileName().toString().matches("synthea-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no synthea-*.jar in " + libDirectory));
        }
    }

    /** Finds Synthea: {@value #LIB_VARIABLE} if set, else {@code synthea-lib/} beside custodian.jar. */
    static SyntheaRunner locate(Map<String, String> env) {
        String override = env.get(LIB_VARIABLE);
        Path lib = override != null && !override.isBlank() ? Path.of(override.trim())
                : applicationDirectory(SyntheaRunner.class.getProtectionDomain().getCodeSource().getLocation()
                        .toString()).resolve("synthea-lib");
        if (!hasSynthea(lib)) {
            throw new IllegalStateException("Synthea is not installed: no synthea-*.jar in " + lib
                    + "; build it with `mvn -B -DskipTests package` or set " + LIB_VARIABLE);
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new SyntheaRunner(lib, java);
    }

    /**
     * The folder of custodian.jar, given where this class was loaded from: the jar itself,
     * a class inside it ({@code jar:nested:/…/custodian.jar/!BOOT-INF/classes/!/}) or, when run
     * from the build, {@code target/classes} (whose parent, {@code target}, holds synthea-lib).
     */
    static Path applicationDirectory(String codeSource) {
        String location = codeSource;
        if (location.startsWith("jar:")) {
            location = location.substring("jar:".length());
        }
        if (location.startsWith("nested:")) {
            location = "file:" + location.substring("nested:".length());
        }
        int inside = location.indexOf('!');
        if (inside >= 0) {
            location = location.substring(0, inside);
        }
        while (location.endsWith("/")) {
            location = location.substring(0, location.length() - 1);
        }
        return Path.of(URI.create(location)).toAbsolutePath().getParent();
    }

    List<String> command(int patients, long seed, Path outputDirectory) {
        return List.of(java, "-cp", libDirectory.toAbsolutePath() + "/*", "App",
                "-p", Integer.toString(patients), "-s", Long.toString(seed), "-cs", Long.toString(seed),
                "-r", REFERENCE_DATE,
                "--exporter.baseDirectory=" + outputDirectory.toAbsolutePath(),
                "--exporter.fhir.export=true",
                "--exporter.fhir.transaction_bundle=true",
                "--exporter.fhir.excluded_resources=" + EXCLUDED_RESOURCES,
                "--exporter.hospital.fhir.export=true",
                "--exporter.practitioner.fhir.export=true",
                "--generate.append_numbers_to_person_names=false");
    }

    /**
     * Synthea's people without their medical histories, for the MPI's evaluation data: one small
     * disease module instead of all of them (names, births, marriages and homes come from Synthea's
     * core), and no hospital or practitioner files. About five times faster than {@link #command}.
     */
    List<String> peopleCommand(int patients, long seed, Path outputDirectory) {
        return List.of(java, "-cp", libDirectory.toAbsolutePath() + "/*", "App",
                "-p", Integer.toString(patients), "-s", Long.toString(seed), "-cs", Long.toString(seed),
                "-r", REFERENCE_DATE, "-m", "dermatitis",
                "--exporter.baseDirectory=" + outputDirectory.toAbsolutePath(),
                "--exporter.fhir.export=true",
                "--exporter.fhir.transaction_bundle=true",
                "--exporter.fhir.excluded_resources=" + EXCLUDED_RESOURCES + ",Encounter,Condition,Observation,"
                        + "Procedure,Claim,DiagnosticReport,DocumentReference,Goal",
                "--exporter.hospital.fhir.export=false",
                "--exporter.practitioner.fhir.export=false",
                "--generate.append_numbers_to_person_names=false");
    }

    /** Generates people only ({@link #peopleCommand}) into {@code outputDirectory}, with a progress bar on {@code err}. */
    Generated generatePeopleShowingProgress(int patients, long seed, Path outputDirectory, java.io.PrintWriter err)
            throws IOException, InterruptedException {
        ProgressBar generating = new ProgressBar("generating Synthea people", patients, err, ProgressBar.onTerminal());
        generating.update(0, "starting Synthea (seed " + seed + ")");
        Generated generated = run(peopleCommand(patients, seed, outputDirectory), outputDirectory, (alive, deceased) ->
                generating.update(alive, alive + "/" + patients + " living, " + deceased + " deceased"));
        generating.finish(generated.alive() + " living, " + generated.deceased() + " deceased in "
                + String.format("%.1f s", generated.elapsed().toMillis() / 1000.0));
        return generated;
    }

    /** {@link #generate} with a progress bar on {@code err} counting the living patients written. */
    Generated generateShowingProgress(int patients, long seed, Path outputDirectory, java.io.PrintWriter err)
            throws IOException, InterruptedException {
        ProgressBar generating = new ProgressBar("generating patients", patients, err, ProgressBar.onTerminal());
        generating.update(0, "starting Synthea (seed " + seed + ")");
        Generated generated = generate(patients, seed, outputDirectory, (alive, deceased) ->
                generating.update(alive, alive + "/" + patients + " living, " + deceased + " deceased"));
        generating.finish(generated.alive() + " living, " + generated.deceased() + " deceased in "
                + String.format("%.1f s", generated.elapsed().toMillis() / 1000.0));
        return generated;
    }

    /** Generates the patients into {@code outputDirectory}; fails with Synthea's own last word if it fails. */
    Generated generate(int patients, long seed, Path outputDirectory, Listener listener)
            throws IOException, InterruptedException {
        return run(command(patients, seed, outputDirectory), outputDirectory, listener);
    }

    private Generated run(List<String> command, Path outputDirectory, Listener listener)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(outputDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        Thread stop = new Thread(process::destroyForcibly, "synthea-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int alive = 0;
        int deceased = 0;
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (PATIENT_LINE.matcher(line).matches()) {
                    if (line.contains(" DECEASED ")) {
                        deceased++;
                    } else {
                        alive++;
                    }
                    listener.generated(alive, deceased);
                } else if (!line.startsWith("Loading ")) {
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Synthea failed (exit " + exit + "): " + lastWord(tail));
            }
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already ending; the hook stops Synthea
            }
        }
        Path fhir = outputDirectory.resolve("fhir");
        if (!Files.isDirectory(fhir)) {
            throw new IllegalStateException("Synthea wrote no FHIR output to " + fhir);
        }
        return new Generated(SyntheaOutput.in(fhir), alive, deceased, Duration.ofNanos(System.nanoTime() - started));
    }

    private static String lastWord(Deque<String> tail) {
        List<String> lines = new ArrayList<>(tail);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains("Exception") || line.contains("Error")) {
                return line.strip();
            }
        }
        return lines.isEmpty() ? "no output" : lines.getLast().strip();
    }

    private static boolean hasSynthea(Path lib) {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("synthea-.*\\.jar"));
        } catch (IOException e) {
            return false;
        }
    }
}
