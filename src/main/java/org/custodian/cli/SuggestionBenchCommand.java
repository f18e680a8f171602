package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custodian.coding.CareSetting;
import org.custodian.coding.CodeSuggester;
import org.custodian.coding.CodeSuggestion;
import org.custodian.coding.SourceNote;
import org.custodian.interop.fhir.SyntheaOutput;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.MedicalCode;
import org.custodian.terminology.Release;
import org.custodian.terminology.Terminology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The accuracy benchmark of computer-assisted coding: generates Synthea patients into a temporary
 * folder, suggests codes for every encounter note with the latest loaded ICD-10-CM release and scores
 * them against Synthea's SNOMED CT → ICD-10-CM map (the answer key, never shown to the engine).
 */
@Command(name = "coding", mixinStandardHelpOptions = true,
        description = "Precision, recall and throughput of code suggestions on Synthea encounter notes.")
final class SuggestionBenchCommand implements Callable<Integer> {
    @Option(names = "--synthea", paramLabel = "DIR",
            description = "An existing Synthea output folder (with fhir/); otherwise Synthea generates --patients.")
    Path synthea;

    @Option(names = "--examples", defaultValue = "12",
            description = "How many of the most frequent misses and extras to print (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--patients", defaultValue = "25", description = "Synthea patients to generate (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", defaultValue = "1", description = "Synthea seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-confidence", split = ",", defaultValue = "0,0.8",
            description = "Confidence thresholds to report (default: ${DEFAULT-VALUE}).")
    List<Double> thresholds;

    @Option(names = "--threads", defaultValue = "2",
            description = "Threads sharing the notes for the throughput figure (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path lib = SyntheaRunner.applicationDirectory(SyntheaRunner.class.getProtectionDomain().getCodeSource()
                .getLocation().toString()).resolve("synthea-lib");
        String override = System.getenv(SyntheaRunner.LIB_VARIABLE);
        Map<String, List<String>> key = SuggestionAccuracy.answerKey(override != null && !override.isBlank()
                ? Path.of(override.trim()) : lib);
        Path folder = synthea != null ? synthea : Files.createTempDirectory("custodian-coding-bench");
        try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
            Optional<Release> release = app.bean(Terminology.class).release(CodeSystem.ICD10CM, Optional.empty());
            if (release.isEmpty()) {
                err.println("custodian bench coding: no ICD-10-CM release is loaded in " + data.dataDirectory()
                        + "; load one with `custodian terminology load`");
                return 1;
            }
            LocalDate dateOfService = release.get().effectiveFrom();
            List<Path> bundles;
            int people;
            if (synthea == null) {
                ProgressBar generating = new ProgressBar("synthea", patients, err, ProgressBar.onTerminal());
                var generated = synthea().generate(patients, seed, folder, (alive, deceased) ->
                        generating.update(alive, alive + " patients"));
                generating.finish(generated.alive() + " alive and " + generated.deceased() + " deceased patients in "
                        + generated.elapsed().toSeconds() + " s");
                bundles = generated.output().patients();
                people = generated.alive() + generated.deceased();
            } else {
                bundles = SyntheaOutput.in(Files.isDirectory(folder.resolve("fhir")) ? folder.resolve("fhir") : folder)
                        .patients();
                people = bundles.size();
            }
            List<SyntheaNotes.EncounterNote> notes = new ArrayList<>();
            for (Path bundle : bundles) {
                notes.addAll(SyntheaNotes.read(bundle));
            }
            CodeSuggester suggester = app.bean(CodeSuggester.class);
            suggester.suggest(List.of(new SourceNote("warm-up", "essential hypertension")), dateOfService, CareSetting.OUTPATIENT);
            Map<String, MedicalCode> codes = new HashMap<>();
            app.bean(Terminology.class).codes(release.get()).forEach(c -> codes.put(c.code(), c));
            Predicate<String> billable = c -> codes.containsKey(c) && codes.get(c).billable();
            SuggestionAccuracy.MissAnalysis analysis = new SuggestionAccuracy.MissAnalysis(
                    name -> codesOf(suggester.suggest(List.of(new SourceNote("name", name)), dateOfService, CareSetting.INPATIENT)),
                    billable, c -> codes.containsKey(c) && codes.get(c).longDescription().toLowerCase().contains("unspecified"));
            List<SuggestionAccuracy> accuracy = new ArrayList<>();
            thresholds.forEach(t -> accuracy.add(new SuggestionAccuracy(key)));
            accuracy.getFirst().analysingMisses(analysis);
            List<SuggestionAccuracy> completed = new ArrayList<>();
            thresholds.forEach(t -> completed.add(new SuggestionAccuracy(key, billable)));
            long nanos = 0;
            long chars = 0;
            for (SyntheaNotes.EncounterNote note : notes) {
                long started = System.nanoTime();
                List<CodeSuggestion> suggestions = suggester.suggest(List.of(new SourceNote(note.file(), note.text())),
                        dateOfService, note.inpatient() ? CareSetting.INPATIENT : CareSetting.OUTPATIENT);
                nanos += System.nanoTime() - started;
                chars += note.text().length();
                for (int i = 0; i < thresholds.size(); i++) {
                    double min = thresholds.get(i);
                    List<CodeSuggestion> counted = suggestions.stream().filter(s -> s.confidence() >= min).toList();
                    accuracy.get(i).score(note.conditions(), note.conditionNames(), note.text(), counted);
                    completed.get(i).score(note.conditions(), note.conditionNames(), note.text(), counted);
                }
            }
            SuggestionThroughput shared = SuggestionThroughput.measure(notes, threads, note -> suggester.suggest(
                    List.of(new SourceNote(note.file(), note.text())), dateOfService, CareSetting.OUTPATIENT));
            long inpatient = notes.stream().filter(SyntheaNotes.EncounterNote::inpatient).count();
            out.printf("coding suggestions: %d encounter notes (%d inpatient) of %d patients, seed %d, coded with %s%n",
                    notes.size(), inpatient, people, seed, release.get().label());
            out.printf("throughput: %.1f notes/s on one thread (%.0f characters per note on average)%n",
                    notes.size() / (nanos / 1e9), (double) chars / Math.max(1, notes.size()));
            out.println("throughput: " + shared);
            for (int i = 0; i < thresholds.size(); i++) {
                SuggestionAccuracy a = accuracy.get(i);
                out.printf("confidence >= %.2f: conditions %d (%d not in the map, left out); exact codes precision %.3f"
                                + " recall %.3f; 3-character categories precision %.3f recall %.3f%n", thresholds.get(i),
                        a.conditions(), a.unmapped(), a.exact().precision(), a.exact().recall(), a.category().precision(),
                        a.category().recall());
                out.printf("confidence >= %.2f, non-billable key codes met by the billable codes under them: exact codes"
                        + " precision %.3f recall %.3f%n", thresholds.get(i), completed.get(i).exact().precision(),
                        completed.get(i).exact().recall());
            }
            SuggestionAccuracy all = accuracy.getFirst();
            out.println("most missed (key codes): " + String.join(", ", SuggestionAccuracy.top(all.missed(), examples)));
            out.println("most suggested outside the key: " + String.join(", ", SuggestionAccuracy.top(all.wrong(), examples)));
            out.println("exact misses by kind (the engine asked about each missed condition's name alone):");
            out.println(MissTable.render(all, examples));
            return 0;
        } finally {
            if (synthea == null) {
                deleteTree(folder);
            }
        }
    }

    private static Set<String> codesOf(List<CodeSuggestion> suggestions) {
        Set<String> out = new TreeSet<>();
        suggestions.forEach(s -> out.add(CodeSystem.normalize(s.code())));
        return out;
    }

    private static SyntheaRunner synthea() {
        return SyntheaRunner.locate(System.getenv());
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
