package org.custodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.custodian.disclosure.BenchmarkNote;
import org.custodian.disclosure.DeidBenchmark;
import org.custodian.disclosure.PhiScrubber;
import org.custodian.disclosure.PhiType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Recall and precision of the PHI scrubber on Synthea notes with PHI injected from known values
 * (seeded; the ground truth is kept by the benchmark). Reads an existing Synthea output folder or
 * generates one.
 */
@Command(name = "deid", mixinStandardHelpOptions = true,
        description = "Measure the PHI scrubber's recall and precision on Synthea notes with injected PHI.")
final class DeidBenchCommand implements Callable<Integer> {
    @Option(names = "--synthea", paramLabel = "DIR",
            description = "An existing Synthea output folder (with fhir/); otherwise Synthea generates --patients.")
    Path synthea;

    @Option(names = "--patients", defaultValue = "20", description = "Patients to generate (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", defaultValue = "7", description = "Seed for Synthea and the injection (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-notes", defaultValue = "2000", description = "Notes to use at most (default: ${DEFAULT-VALUE}).")
    int maxNotes;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = synthea;
        if (folder == null) {
            folder = Files.createTempDirectory("custodian-deid-bench");
            SyntheaRunner.locate(System.getenv()).generate(patients, seed, folder, (alive, deceased) -> { });
        }
        Path fhir = Files.isDirectory(folder.resolve("fhir")) ? folder.resolve("fhir") : folder;
        List<BenchmarkNote> notes = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(fhir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                read(file, notes, people);
            }
        }
        if (notes.size() > maxNotes) {
            notes = notes.subList(0, maxNotes);
        }
        if (notes.isEmpty() || people.size() < 2) {
            throw new IllegalStateException("no Synthea notes found in " + fhir);
        }
        DeidBenchmark bench = new DeidBenchmark(new PhiScrubber());
        List<DeidBenchmark.Case> cases = bench.cases(notes, List.copyOf(people), seed);
        long started = System.nanoTime();
        DeidBenchmark.Result result = bench.run(cases);
        double seconds = (System.nanoTime() - started) / 1e9;
        long chars = cases.stream().mapToLong(c -> c.text().length()).sum();
        out.printf("deid bench: %d notes (%d KB) from %s, seed %d, %d identifiers%n", result.notes(), chars / 1024,
                fhir, seed, result.identifiers());
        out.printf("recall %.4f  precision %.4f  (%d of %d identifiers found; %d of %d scrubbed spans correct)%n",
                result.recall(), result.precision(), result.found(), result.identifiers(), result.spansCorrect(),
                result.spansCorrect() + result.spansWrong());
        out.printf("%-8s %8s %8s %8s%n", "type", "found", "missed", "recall");
        for (Map.Entry<PhiType, int[]> e : result.byType().entrySet()) {
            int[] c = e.getValue();
            out.printf("%-8s %8d %8d %8.4f%n", e.getKey(), c[0], c[1], (double) c[0] / (c[0] + c[1]));
        }
        out.printf("scrubbing speed: %.0f notes/s, %.1f MB/s%n", result.notes() / seconds, chars / seconds / 1e6);
        result.misses().stream().limit(15).forEach(m -> out.println("missed " + m));
        result.falsePositives().stream().limit(15).forEach(m -> out.println("scrubbed but not PHI: " + m));
        return 0;
    }

    private void read(Path file, List<BenchmarkNote> notes, Set<String> people) throws IOException {
        JsonNode bundle = json.readTree(file.toFile());
        List<String> names = new ArrayList<>();
        LocalDate birth = null;
        String street = null;
        String city = null;
        String state = null;
        String zip = null;
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            switch (r.path("resourceType").asText()) {
                case "Patient" -> {
                    JsonNode name = r.path("name").path(0);
                    name.path("given").forEach(g -> names.add(g.asText()));
                    names.add(name.path("family").asText());
                    people.add(plain(name.path("given").path(0).asText()) + " " + plain(name.path("family").asText()));
                    birth = LocalDate.parse(r.path("birthDate").asText());
                    JsonNode address = r.path("address").path(0);
                    street = address.path("line").path(0).asText(null);
                    city = address.path("city").asText(null);
                    state = address.path("state").asText(null);
                    zip = address.path("postalCode").asText(null);
                }
                case "Practitioner" -> {
                    JsonNode name = r.path("name").path(0);
                    people.add(plain(name.path("given").path(0).asText()) + " " + plain(name.path("family").asText()));
                }
                case "DocumentReference" -> documents.add(r);
                default -> { }
            }
        }
        for (JsonNode doc : documents) {
            String data = doc.path("content").path(0).path("attachment").path("data").asText("");
            if (data.isEmpty()) {
                continue;
            }
            String text = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
            LocalDate date = doc.hasNonNull("date") ? LocalDate.parse(doc.path("date").asText().substring(0, 10)) : null;
            int age = birth == null || date == null ? 0 : Period.between(birth, date).getYears();
            notes.add(new BenchmarkNote(text, names.stream().filter(n -> n.length() > 1).toList(), date, age, street,
                    city, state, zip == null || zip.isBlank() ? "01001" : zip));
        }
    }

    /** Synthea numbers its names (Jane728); people in notes are written without. */
    private static String plain(String name) {
        return name.replaceAll("\\d", "");
    }
}
