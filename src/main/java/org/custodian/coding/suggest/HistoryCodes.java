package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The personal history (Z85–Z87 and kin) or family history (Z80–Z84) code for a condition a note
 * names in a history context. First the history code whose description names the condition itself
 * ("Personal history of malignant neoplasm of breast"); failing that, the "other diseases of" code of
 * the condition's chapter or block, which is how the classification itself groups history codes.
 */
final class HistoryCodes {
    private static final String PERSONAL = "personal history of";
    private static final String FAMILY = "family history of";

    /** Code ranges (first..last 3-character category, inclusive) and the history code that covers them. */
    private record Range(String first, String last, String code) {
        boolean covers(String category) {
            return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
        }
    }

    private static final List<Range> PERSONAL_BY_CHAPTER = List.of(
            new Range("C18", "C20", "Z85038"), new Range("C34", "C34", "Z85118"), new Range("C43", "C43", "Z85820"),
            new Range("C50", "C50", "Z853"), new Range("C53", "C53", "Z8541"), new Range("C54", "C55", "Z8542"),
            new Range("C56", "C56", "Z8543"), new Range("C61", "C61", "Z8546"), new Range("C64", "C64", "Z85528"),
            new Range("C67", "C67", "Z8551"), new Range("C73", "C73", "Z85850"), new Range("C81", "C96", "Z8579"),
            new Range("A00", "B99", "Z8619"), new Range("C00", "C96", "Z859"), new Range("D00", "D49", "Z86018"),
            new Range("D50", "D89", "Z862"), new Range("E00", "E89", "Z8639"), new Range("F01", "F99", "Z8659"),
            new Range("G00", "H95", "Z8669"), new Range("I00", "I99", "Z8679"), new Range("J00", "J99", "Z8709"),
            new Range("K00", "K95", "Z8719"), new Range("L00", "L99", "Z872"), new Range("M00", "M99", "Z8739"),
            new Range("N00", "N39", "Z87448"), new Range("N40", "N53", "Z87438"), new Range("N60", "N98", "Z8742"),
            new Range("O00", "O9A", "Z8759"), new Range("Q00", "Q99", "Z87798"), new Range("S00", "T88", "Z87828"));

    private static final List<Range> FAMILY_BY_BLOCK = List.of(
            new Range("C15", "C26", "Z800"), new Range("C30", "C32", "Z802"), new Range("C33", "C34", "Z801"),
            new Range("C37", "C39", "Z802"), new Range("C50", "C50", "Z803"), new Range("C51", "C63", "Z8049"),
            new Range("C64", "C68", "Z8059"), new Range("C81", "C90", "Z807"), new Range("C91", "C95", "Z806"),
            new Range("C96", "C96", "Z807"), new Range("C00", "C96", "Z808"), new Range("A00", "B99", "Z8319"),
            new Range("D50", "D89", "Z832"), new Range("E08", "E13", "Z833"), new Range("E00", "E89", "Z8349"),
            new Range("F01", "F99", "Z8189"), new Range("G40", "G40", "Z820"), new Range("G00", "G99", "Z820"),
            new Range("I60", "I69", "Z823"), new Range("I00", "I99", "Z8249"), new Range("J45", "J45", "Z825"),
            new Range("J00", "J99", "Z836"), new Range("K00", "K95", "Z8379"), new Range("L00", "L99", "Z840"),
            new Range("M00", "M99", "Z8269"), new Range("N00", "N29", "Z841"), new Range("N30", "N99", "Z842"),
            new Range("Q00", "Q99", "Z8279"));

    private final ConceptDictionary dictionary;
    private final ConceptSpotter spotter;

    HistoryCodes(ConceptDictionary dictionary, ConceptSpotter spotter) {
        this.dictionary = dictionary;
        this.spotter = spotter;
    }

    static boolean isPersonalHistory(Concept c) {
        return c.code().longDescription().toLowerCase().startsWith(PERSONAL) || c.code().code().startsWith("Z85")
                || c.code().code().startsWith("Z86") || c.code().code().startsWith("Z87");
    }

    static boolean isFamilyHistory(Concept c) {
        String code = c.code().code();
        return code.compareTo("Z80") >= 0 && code.compareTo("Z85") < 0;
    }

    Optional<Concept> personal(Spot disease, List<Normalizer.Normalized> clause) {
        return neoplasm(disease) ? byRange(disease, PERSONAL_BY_CHAPTER)
                : named(disease, clause, "personal", PERSONAL).or(() -> byRange(disease, PERSONAL_BY_CHAPTER));
    }

    Optional<Concept> family(Spot disease, List<Normalizer.Normalized> clause) {
        return neoplasm(disease) ? byRange(disease, FAMILY_BY_BLOCK)
                : named(disease, clause, "family", FAMILY).or(() -> byRange(disease, FAMILY_BY_BLOCK));
    }

    /** Malignant neoplasms' history codes follow the blocks of sites exactly, so the block decides. */
    private static boolean neoplasm(Spot disease) {
        return disease.concept().code().code().startsWith("C");
    }

    private Optional<Concept> named(Spot disease, List<Normalizer.Normalized> clause, String whose, String prefix) {
        List<Normalizer.Normalized> asked = new ArrayList<>(clause);
        int word = disease.first().word();
        asked.add(new Normalizer.Normalized(whose, word, word));
        asked.add(new Normalizer.Normalized("history", word, word));
        for (Spot s : spotter.spot(asked, c -> c.code().longDescription().toLowerCase().startsWith(prefix))) {
            if (s.complete() && sharesCondition(s.concept(), disease)
                    && !s.concept().code().longDescription().contains("unspecified")) {
                return Optional.of(s.concept());
            }
        }
        return Optional.empty();
    }

    /** Whether a history code names one of the words the condition was found by, beyond "history". */
    private static boolean sharesCondition(Concept history, Spot disease) {
        for (Normalizer.Normalized n : disease.support()) {
            if (disease.concept().required().contains(n.token()) && history.required().contains(n.token())
                    && !n.token().equals("history")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Concept> byRange(Spot disease, List<Range> ranges) {
        String category = disease.concept().category();
        for (Range r : ranges) {
            if (r.covers(category)) {
                var code = dictionary.code(r.code());
                return code == null || !code.billable() ? Optional.empty() : Optional.of(ConceptDictionary.concept(code));
            }
        }
        return Optional.empty();
    }
}
