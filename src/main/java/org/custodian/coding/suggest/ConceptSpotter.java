package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the concepts a clause names. First every concept whose required tokens all occur in the
 * clause, taken greedily most specific first (more required tokens, then more of its qualifiers
 * present), each having to add a token not yet explained; then, for content words still unexplained,
 * the nearest concept that lacks only one required token.
 */
final class ConceptSpotter {
    /** Words that qualify a condition but never name one alone. */
    static final Set<String> QUALIFIERS = Set.of("left", "right", "bilateral", "acute", "chronic", "mild",
            "moderate", "severe", "history", "family", "personal", "unspecified", "other", "specified", "disease",
            "disorder", "syndrome", "with", "without", "upper", "lower", "stage", "status", "post", "encounter", "initial",
            "subsequent", "body", "condition", "finding", "abnormal", "multiple", "single", "simple", "complicated",
            "presenting", "presence", "current", "recurrent", "episode", "primary", "secondary", "unilateral", "part",
            "site", "region", "area", "side", "level", "type", "age", "year", "old", "male", "female", "child", "adult",
            "viral", "bacterial", "infection", "pain", "need", "use", "test", "result", "exam", "examination", "essential",
            "benign", "malignant", "neoplasm", "unknown", "organism", "due", "elsewhere", "classified");
    /** A concept lacking one of these is a different concept ("other ...", "family history of ..."), not a near one. */
    /** Qualifiers a note may leave unsaid for the usual case; lacking another word costs more. */
    private static final Set<String> SAFE_MISSING = Set.of("acute", "female", "unilateral", "primary",
            "essential", "adult", "simple", "uncomplicated", "initial");
    /** Qualifier words that still name a thing: a concept lacking one is another concept. */
    private static final Set<String> NOUNS = Set.of("pain", "infection", "disease", "disorder", "syndrome", "condition",
            "finding", "body", "need", "use", "test", "result", "exam", "examination", "neoplasm", "organism", "site",
            "region", "area", "side", "part", "level", "age", "year", "child", "adult", "encounter", "episode", "presence",
            "status", "history", "family", "personal");
    private static final Set<String> NEVER_MISSING = Set.of("other", "specified", "family", "personal", "history");

    private final ConceptDictionary dictionary;

    ConceptSpotter(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
    }

    List<Spot> spot(List<Normalizer.Normalized> clause, Predicate<Concept> allowed) {
        Map<String, Normalizer.Normalized> present = new LinkedHashMap<>();
        for (Normalizer.Normalized n : clause) {
            present.putIfAbsent(n.token(), n);
        }
        List<Concept> complete = new ArrayList<>();
        Set<Concept> seen = new HashSet<>();
        for (String token : present.keySet()) {
            for (Concept c : dictionary.keyedBy(token)) {
                if (allowed.test(c) && present.keySet().containsAll(c.required()) && seen.add(c)) {
                    complete.add(c);
                }
            }
        }
        complete.sort(Comparator.comparingDouble((Concept c) -> -score(c, present.keySet(), 0)));
        List<Spot> spots = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (Concept c : complete) {
            if (!explained.containsAll(c.required())) {
                spots.add(spot(c, present, true, true));
                explained.addAll(c.required());
                c.defaults().stream().filter(present::containsKey).forEach(explained::add);
                c.optional().stream().filter(present::containsKey).forEach(explained::add);
            }
        }
        for (String token : present.keySet()) {
            if (explained.contains(token) || QUALIFIERS.contains(token) || token.length() < 3
                    || Character.isDigit(token.charAt(0))) {
                continue;
            }
            Concept best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Concept c : dictionary.containing(token)) {
                String missing = onlyMissing(c, present.keySet());
                // near enough: the clause lacks only a qualifier of the usual case ("acute", "unilateral"), never
                // the condition itself nor a specific the note did not give ("recurrent", "chronic", "left")
                if (missing != null && !NEVER_MISSING.contains(missing) && allowed.test(c) && QUALIFIERS.contains(missing)
                        && !NOUNS.contains(missing) && SAFE_MISSING.contains(missing)) {
                    double s = score(c, present.keySet(), SAFE_MISSING.contains(missing) ? 1 : 2);
                    if (s > bestScore) {
                        bestScore = s;
                        best = c;
                    }
                }
            }
            if (best != null) {
                spots.add(spot(best, present, false, SAFE_MISSING.contains(onlyMissing(best, present.keySet()))));
                best.required().stream().filter(present::containsKey).forEach(explained::add);
            }
        }
        return spots;
    }

    /** The one required token the clause lacks, or null when it lacks none or more than one. */
    private static String onlyMissing(Concept c, Set<String> present) {
        String missing = null;
        for (String t : c.required()) {
            if (!present.contains(t)) {
                if (missing != null) {
                    return null;
                }
                missing = t;
            }
        }
        return missing;
    }

    private static double score(Concept c, Set<String> present, int missingRequired) {
        int defaultsPresent = 0;
        for (String t : c.defaults()) {
            defaultsPresent += present.contains(t) ? 1 : 0;
        }
        int optionalPresent = 0;
        for (String t : c.optional()) {
            optionalPresent += present.contains(t) ? 1 : 0;
        }
        int defaultsMissing = c.defaults().size() - defaultsPresent;
        int optionalMissing = c.optional().size() - optionalPresent;
        // of equals, the one with fewer specifics left unsaid: the "unspecified" code
        return c.required().size() - missingRequired + 0.5 * (defaultsPresent + optionalPresent)
                - 0.1 * defaultsMissing - 0.02 * optionalMissing - 0.0001 * c.code().longDescription().length()
                - (c.heading() ? 0.3 : 0);
    }

    private static Spot spot(Concept c, Map<String, Normalizer.Normalized> present, boolean complete, boolean safe) {
        List<Normalizer.Normalized> support = new ArrayList<>();
        int defaultsMissing = 0;
        for (Map.Entry<String, Normalizer.Normalized> e : present.entrySet()) {
            if (c.mentions(e.getKey())) {
                support.add(e.getValue());
            }
        }
        for (String t : c.defaults()) {
            defaultsMissing += present.containsKey(t) ? 0 : 1;
        }
        return new Spot(c, support, complete, safe, defaultsMissing);
    }
}
