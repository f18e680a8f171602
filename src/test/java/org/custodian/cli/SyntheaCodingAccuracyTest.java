package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.coding.CareSetting;
import org.custodian.coding.CodeSuggestion;
import org.custodian.coding.SourceNote;
import org.custodian.coding.suggest.OfficialCodes;
import org.custodian.coding.suggest.SuggestionEngine;
import org.custodian.interop.fhir.SyntheaOutput;
import org.custodian.terminology.MedicalCode;
import org.junit.jupiter.api.Test;

/**
 * The Synthea accuracy benchmark in process, without a database: the engine on the FY2026 order file
 * and FY2021 tabular from ../shared/terminology over a Synthea output folder named by the system
 * property {@code coding.synthea} (skipped without it: generating patients takes minutes), scored
 * against the map in the Synthea jar of target/synthea-lib, misses printed by kind.
 */
class SyntheaCodingAccuracyTest {
    private static final String FOLDER = System.getProperty("coding.synthea", "");

    @Test
    void precisionRecallAndMissesByKindOnSyntheaNotes() throws Exception {
        assumeTrue(!FOLDER.isBlank(), "set -Dcoding.synthea=DIR (a Synthea output folder) to run the benchmark");
        assumeTrue(OfficialCodes.present(), OfficialCodes.ABSENT);
        Path lib = Path.of("target", "synthea-lib");
        assumeTrue(Files.isDirectory(lib), "no target/synthea-lib (build Synthea first)");
        Map<String, List<String>> key = SuggestionAccuracy.answerKey(lib);
        Map<String, MedicalCode> codes = new HashMap<>();
        OfficialCodes.fy2026().forEach(c -> codes.put(c.code(), c));
        SuggestionEngine engine = OfficialCodes.engine();
        SuggestionAccuracy.MissAnalysis analysis = new SuggestionAccuracy.MissAnalysis(
                name -> codesOf(engine.suggest(List.of(new SourceNote("name", name)), CareSetting.INPATIENT)),
                c -> codes.containsKey(c) && codes.get(c).billable(),
                c -> codes.containsKey(c) && codes.get(c).longDescription().toLowerCase().contains("unspecified"));
        SuggestionAccuracy accuracy = new SuggestionAccuracy(key).analysingMisses(analysis);
        SuggestionAccuracy completed = new SuggestionAccuracy(key, analysis.billable());
        Path root = Path.of(FOLDER);
        List<SyntheaNotes.EncounterNote> notes = new ArrayList<>();
        for (Path bundle : SyntheaOutput.in(Files.isDirectory(root.resolve("fhir")) ? root.resolve("fhir") : root).patients()) {
            notes.addAll(SyntheaNotes.read(bundle));
        }
        long nanos = 0;
        for (SyntheaNotes.EncounterNote note : notes) {
            long started = System.nanoTime();
            List<CodeSuggestion> suggestions = engine.suggest(List.of(new SourceNote(note.file(), note.text())),
                    note.inpatient() ? CareSetting.INPATIENT : CareSetting.OUTPATIENT);
            nanos += System.nanoTime() - started;
            accuracy.score(note.conditions(), note.conditionNames(), note.text(), suggestions);
            completed.score(note.conditions(), note.conditionNames(), note.text(), suggestions);
        }
        System.out.printf("synthea notes: %d notes, %.1f notes/s on one thread; conditions %d (%d not in the map);"
                        + " exact precision %.3f recall %.3f; category precision %.3f recall %.3f%n", notes.size(),
                notes.size() / (nanos / 1e9), accuracy.conditions(), accuracy.unmapped(), accuracy.exact().precision(),
                accuracy.exact().recall(), accuracy.category().precision(), accuracy.category().recall());
        SuggestionThroughput oneThread = SuggestionThroughput.measure(notes, 1, note -> engine.suggest(
                List.of(new SourceNote(note.file(), note.text())), CareSetting.OUTPATIENT));
        SuggestionThroughput twoThreads = SuggestionThroughput.measure(notes, 2, note -> engine.suggest(
                List.of(new SourceNote(note.file(), note.text())), CareSetting.OUTPATIENT));
        System.out.println("throughput: " + oneThread + "; " + twoThreads);
        System.out.printf("non-billable key codes met by the billable codes under them: exact precision %.3f recall %.3f%n",
                completed.exact().precision(), completed.exact().recall());
        System.out.println(MissTable.render(accuracy, Integer.getInteger("coding.examples", 6)));
        System.out.println("most suggested outside the key: " + String.join("\n  ", SuggestionAccuracy.top(accuracy.wrong(), 40)));
        assertThat(accuracy.notes()).isEqualTo(notes.size());
    }

    private static Set<String> codesOf(List<CodeSuggestion> suggestions) {
        Set<String> out = new TreeSet<>();
        suggestions.forEach(s -> out.add(s.code().replace(".", "")));
        return out;
    }
}
