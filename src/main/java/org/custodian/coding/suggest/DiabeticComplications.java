package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A condition the note links to diabetes ("proteinuria due to type 2 diabetes", "diabetic gastropathy")
 * for which no combination code names both. "Without complications" (E11.9) would then contradict the
 * note; the Alphabetic Index sends such a complication to the diabetes code "with ... complication NEC"
 * of the body system it affects (kidney E11.29, eye E11.39, nerves E11.49, circulation E11.59, skin
 * E11.628, mouth E11.638, otherwise "other specified complication" E11.69), the complication itself
 * being coded as well ("use additional code to identify complication").
 */
final class DiabeticComplications {
    /** Diabetes categories (E08–E13 without E12) whose ".9" is "without complications". */
    private static final Set<String> DIABETES = Set.of("E08", "E09", "E10", "E11", "E13");
    /** Words by which a note states that the condition before them is caused by what follows. */
    private static final List<List<String>> CAUSED_BY = List.of(List.of("due", "to"), List.of("secondary", "to"),
            List.of("caused", "by"), List.of("associated", "with"));

    /** Body systems by 3-character category ranges (inclusive) and the suffix of their "complication NEC" code. */
    private record System(String first, String last, String suffix) {
        boolean covers(String category) {
            return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
        }
    }

    private static final List<System> SYSTEMS = List.of(
            new System("N00", "N29", "29"), new System("R80", "R82", "29"),
            new System("H00", "H59", "39"),
            new System("G00", "G99", "49"),
            new System("I00", "I99", "59"),
            new System("L00", "L99", "628"),
            new System("K00", "K14", "638"));

    private DiabeticComplications() {
    }

    /**
     * Within one clause, diabetes "without complications" that the note links to another condition it
     * affirms becomes diabetes with that complication; the condition's
     * own code stays. The evidence spans both.
     */
    static void link(List<Word> words, List<Found> clause, ConceptDictionary dictionary) {
        List<Found> diabetes = clause.stream()
                .filter(f -> f.definitive() && isWithoutComplications(f.concept())).toList();
        for (Found d : diabetes) {
            List<Found> linked = new ArrayList<>();
            for (Found c : clause) {
                if (c != d && mayComplicate(c.concept())
                        && !HistoryCodes.isPersonalHistory(c.concept()) && !HistoryCodes.isFamilyHistory(c.concept())
                        && linked(words, c.start(), c.end(), d.start())) {
                    withComplication(d.concept(), c.concept(), dictionary)
                            .filter(w -> linked.stream().noneMatch(l -> l.concept().code().equals(w.code())))
                            .ifPresent(w -> linked.add(new Found(w, d.note(), Math.min(c.start(), d.start()),
                                    Math.max(c.end(), d.end()), d.confidence(), d.tokens(), true)));
                }
            }
            if (!linked.isEmpty()) {
                clause.remove(d);
                clause.addAll(linked);
            }
        }
    }

    /** Whether {@code concept} is a diabetes code "without complications" (E11.9 and its kin). */
    static boolean isWithoutComplications(Concept concept) {
        String code = concept.code().code();
        return code.length() == 4 && code.endsWith("9") && DIABETES.contains(code.substring(0, 3));
    }

    /** Whether a code can be a complication of diabetes: a condition, not diabetes itself, a status or a cause. */
    static boolean mayComplicate(Concept concept) {
        char chapter = concept.code().code().charAt(0);
        return !DIABETES.contains(concept.category()) && chapter != 'Z' && chapter < 'V';
    }

    /**
     * Whether the note links the complication (characters {@code complicationStart}..{@code complicationEnd}) to
     * the diabetes ({@code diabetesStart}..): "proteinuria due to type 2 diabetes", the causal words between the
     * two, or "diabetic gastropathy", the adjective right before the complication.
     */
    static boolean linked(List<Word> words, int complicationStart, int complicationEnd, int diabetesStart) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.text().equals("diabetic") && i + 1 < words.size() && words.get(i + 1).start() == complicationStart) {
                return true;
            }
            if (w.start() >= complicationEnd && w.end() <= diabetesStart) {
                for (List<String> link : CAUSED_BY) {
                    if (matches(words, i, link) && words.get(i + link.size() - 1).end() <= diabetesStart) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean matches(List<Word> words, int at, List<String> link) {
        if (at + link.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < link.size(); k++) {
            if (!words.get(at + k).text().equals(link.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The "with ... complication NEC" code of {@code withoutComplications}' diabetes type for a complication
     * coded {@code complication}, if the release has it.
     */
    static Optional<Concept> withComplication(Concept withoutComplications, Concept complication,
                                              ConceptDictionary dictionary) {
        String category = complication.category();
        String suffix = SYSTEMS.stream().filter(s -> s.covers(category)).map(System::suffix).findFirst().orElse("69");
        return Optional.ofNullable(dictionary.code(withoutComplications.category() + suffix)).map(ConceptDictionary::concept);
    }
}
