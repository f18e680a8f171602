package org.custodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.custodian.coding.CodeSuggestion;
import org.custodian.terminology.CodeSystem;

/**
 * Precision and recall of suggestions against Synthea's own SNOMED CT → ICD-10-CM map, which is the
 * answer key only: the engine never sees it. A condition is recalled when one of the codes the map
 * gives for it is suggested; a suggestion is right when it is one of the codes of the encounter's
 * conditions. Both exactly and by 3-character category. Conditions the map does not cover are counted
 * apart and left out.
 */
final class SuggestionAccuracy {
    static final String MAP_ENTRY = "export/condition_code_map.json";

    private final Map<String, List<String>> key;
    private final Tally exact = new Tally();
    private final Tally category = new Tally();
    private final Map<String, Integer> missed = new TreeMap<>();
    private final Map<String, Integer> wrong = new TreeMap<>();
    private final Map<MissKind, Integer> missKinds = new java.util.EnumMap<>(MissKind.class);
    private final Map<MissKind, Map<String, Integer>> missKindExamples = new java.util.EnumMap<>(MissKind.class);
    private MissAnalysis analysis;
    private int conditions;
    private int unmapped;
    private int notes;

    /** What the misses are sorted by kind with: the engine on a condition's name alone, and the release. */
    record MissAnalysis(Function<String, Set<String>> alone, java.util.function.Predicate<String> billable,
                        java.util.function.Predicate<String> unspecified) {
    }

    /** Null, or whether a code is billable: then a non-billable key code is met by the billable codes under it. */
    private final java.util.function.Predicate<String> completing;

    SuggestionAccuracy(Map<String, List<String>> key) {
        this(key, null);
    }

    /**
     * With {@code billable}, a key code that is not a billable code of the release (the map's T14.8XX and S06.0X0
     * lack their 7th character; Z59.1 and E88.81 were split into subcodes since) counts as suggested when a
     * billable code under it is: the code a coder must assign for it.
     */
    SuggestionAccuracy(Map<String, List<String>> key, java.util.function.Predicate<String> billable) {
        this.key = key;
        this.completing = billable;
    }

    /** Reads the map out of the Synthea jar in a folder of jars. */
    static Map<String, List<String>> answerKey(Path syntheaLib) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(syntheaLib)) {
            jar = files.filter(f -> f.getFileName().toString().matches("synthea-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no synthea-*.jar in " + syntheaLib));
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(MAP_ENTRY);
            if (entry == null) {
                throw new IOException(jar + " has no " + MAP_ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                JsonNode root = new ObjectMapper().readTree(in);
                Map<String, List<String>> key = new HashMap<>();
                root.properties().forEach(e -> {
                    List<String> codes = new ArrayList<>();
                    e.getValue().forEach(c -> codes.add(CodeSystem.normalize(c.path("code").asText())));
                    key.put(e.getKey(), codes);
                });
                return key;
            }
        }
    }

    /** Sorts this tally's exact misses by {@link MissKind}. */
    SuggestionAccuracy analysingMisses(MissAnalysis analysis) {
        this.analysis = analysis;
        return this;
    }

    void score(List<String> snomedConditions, List<CodeSuggestion> suggestions) {
        score(snomedConditions, snomedConditions, "", suggestions);
    }

    /**
     * Scores one note; {@code names} (the conditions' display names) label the misses and extras kept as
     * examples, {@code text} (the note) is what misses are sorted by kind against.
     */
    void score(List<String> snomedConditions, List<String> names, String text, List<CodeSuggestion> suggestions) {
        notes++;
        List<List<String>> expected = new ArrayList<>();
        List<String> expectedNames = new ArrayList<>();
        for (int i = 0; i < snomedConditions.size(); i++) {
            conditions++;
            List<String> codes = key.get(snomedConditions.get(i));
            if (codes == null) {
                unmapped++;
            } else {
                expected.add(codes);
                expectedNames.add(names.get(i));
            }
        }
        Map<String, String> suggested = new HashMap<>();
        for (CodeSuggestion s : suggestions) {
            suggested.putIfAbsent(CodeSystem.normalize(s.code()), s.evidence());
        }
        tally(exact, expected, expectedNames, suggested, Function.identity(), true, text);
        tally(category, expected, expectedNames, suggested, c -> c.substring(0, Math.min(3, c.length())), false, text);
    }

    private void tally(Tally t, List<List<String>> expected, List<String> names, Map<String, String> suggestedEvidence,
                       Function<String, String> level, boolean keepExamples, String text) {
        Set<String> suggested = suggestedEvidence.keySet();
        Set<String> suggestedAtLevel = new HashSet<>();
        suggested.forEach(s -> suggestedAtLevel.add(level.apply(s)));
        Set<String> right = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            List<String> codes = expected.get(i);
            t.conditions++;
            boolean found = false;
            for (String c : codes) {
                String atLevel = level.apply(c);
                if (completing != null && atLevel.equals(c) && !completing.test(c)) {
                    for (String s : suggestedAtLevel) {
                        if (s.startsWith(c)) {
                            right.add(s);
                            found = true;
                        }
                    }
                }
                right.add(atLevel);
                found |= suggestedAtLevel.contains(atLevel);
            }
            if (found) {
                t.recalled++;
            } else if (keepExamples) {
                String example = String.join("|", codes) + " (" + names.get(i) + ")";
                missed.merge(example, 1, Integer::sum);
                if (analysis != null) {
                    MissKind kind = MissKind.of(codes, names.get(i), text, analysis.alone(), analysis.billable(),
                            analysis.unspecified());
                    missKinds.merge(kind, 1, Integer::sum);
                    missKindExamples.computeIfAbsent(kind, k -> new TreeMap<>()).merge(example, 1, Integer::sum);
                }
            }
        }
        for (String s : suggestedAtLevel) {
            t.suggested++;
            if (right.contains(s)) {
                t.correct++;
            } else if (keepExamples) {
                String evidence = suggestedEvidence.getOrDefault(s, "");
                wrong.merge(s + " \"" + evidence.replaceAll("\\s+", " ") + "\"", 1, Integer::sum);
            }
        }
    }

    static final class Tally {
        int conditions;
        int recalled;
        int suggested;
        int correct;

        double precision() {
            return suggested == 0 ? 0 : (double) correct / suggested;
        }

        double recall() {
            return conditions == 0 ? 0 : (double) recalled / conditions;
        }
    }

    Tally exact() {
        return exact;
    }

    Tally category() {
        return category;
    }

    int notes() {
        return notes;
    }

    int conditions() {
        return conditions;
    }

    int unmapped() {
        return unmapped;
    }

    /** The most frequent misses or wrong codes, "code ×count". */
    static List<String> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
    }

    Map<String, Integer> missed() {
        return missed;
    }

    Map<MissKind, Integer> missKinds() {
        return missKinds;
    }

    Map<MissKind, Map<String, Integer>> missKindExamples() {
        return missKindExamples;
    }

    Map<String, Integer> wrong() {
        return wrong;
    }
}
