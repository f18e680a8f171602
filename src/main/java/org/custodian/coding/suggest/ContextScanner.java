package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * NegEx-style context: trigger phrases ("denies", "no evidence of", "rule out", "history of",
 * "family history of", "mother") open a scope forward to the end of the sentence or to a
 * terminating word ("but", "however"), or for "not" to the end of its clause; post-triggers ("was ruled out", "is suspected") reach back
 * to the sentence start. Pseudo-triggers ("no change", "not ruled out") are skipped. Where scopes
 * overlap the stronger assertion wins: negation, then family, history, uncertainty.
 */
final class ContextScanner {
    private enum Direction { FORWARD, BACKWARD }

    private record Trigger(String[] words, Assertion assertion, Direction direction) {
    }

    private static final List<Trigger> TRIGGERS = new ArrayList<>();
    private static final List<String[]> PSEUDO = new ArrayList<>();
    private static final List<String> TERMINATORS = List.of("but", "however", "although", "though", "except", "aside",
            "apart", "yet", "presents", "presenting", "presented", "reports", "complains", "admitted", "now", "currently",
            "today", "patient");

    /**
     * Triggers that negate the phrase they stand in, not a list after it: "not in labor force, stress"
     * negates the first item only, where "no fever, chills or cough" negates all three.
     */
    private static final Set<String> CLAUSE_ONLY = Set.of("not");

    static {
        forward(Assertion.NEGATED, "no", "not", "denies", "denied", "deny", "denying", "without", "negative for",
                "no evidence of", "no signs of", "no sign of", "absence of", "absent", "free of", "ruled out", "rules out",
                "never", "never had", "none", "neither", "nor", "no history of", "no family history of", "no known");
        backward(Assertion.NEGATED, "ruled out", "was ruled out", "is ruled out", "was excluded", "excluded",
                "unlikely", "is negative", "negative", "not present", "absent", "not seen", "not found");
        forward(Assertion.UNCERTAIN, "rule out", "to rule out", "probable", "probably", "possible", "possibly",
                "suspected", "suspect", "suspicion of", "suspicious for", "likely", "questionable", "question of",
                "concern for", "concerning for", "consistent with", "compatible with", "indicative of", "suggestive of",
                "presumed", "presumptive", "differential", "versus", "vs", "may have", "might have", "cannot exclude",
                "cannot rule out", "working diagnosis", "evaluate for", "evaluation for", "assess for");
        backward(Assertion.UNCERTAIN, "is suspected", "was suspected", "is likely", "is possible", "cannot be excluded",
                "cannot be ruled out", "not excluded", "to be ruled out", "is probable", "is questionable");
        forward(Assertion.HISTORY, "history of", "past history of", "personal history of", "previous", "previously",
                "prior", "remote", "past medical history of", "past medical history", "medical history of",
                "medical history", "hx of");
        backward(Assertion.HISTORY, "in the past", "years ago", "in remission", "resolved", "now resolved", "in childhood");
        forward(Assertion.FAMILY, "family history of", "family history", "fh of", "family hx", "mother", "father",
                "brother", "sister", "sibling", "siblings", "grandmother", "grandfather", "grandparent", "aunt", "uncle",
                "maternal", "paternal", "parent", "parents", "cousin", "mom", "dad", "son", "daughter");
        for (String relative : List.of("mother", "father", "brother", "sister", "sibling", "grandmother", "grandfather",
                "aunt", "uncle", "parent", "parents", "cousin", "mom", "dad", "family")) {
            backward(Assertion.FAMILY, "in " + relative, "in his " + relative, "in her " + relative, "in their " + relative,
                    "in the " + relative, "in a " + relative);
        }
        for (String pseudo : List.of("no change", "no increase", "not only", "no further", "without difficulty",
                "not ruled out", "not been ruled out", "gram negative", "not certain if", "not necessarily",
                "history of present illness", "no longer", "denies any other", "nothing new")) {
            PSEUDO.add(pseudo.split(" "));
        }
        // longest first, so "no evidence of" is read before "no"
        TRIGGERS.sort((a, b) -> b.words().length - a.words().length);
        PSEUDO.sort((a, b) -> b.length - a.length);
    }

    private static void forward(Assertion assertion, String... phrases) {
        for (String p : phrases) {
            TRIGGERS.add(new Trigger(p.split(" "), assertion, Direction.FORWARD));
        }
    }

    private static void backward(Assertion assertion, String... phrases) {
        for (String p : phrases) {
            TRIGGERS.add(new Trigger(p.split(" "), assertion, Direction.BACKWARD));
        }
    }

    private ContextScanner() {
    }

    /** What a note asserts at each word, and which words are themselves triggers (they name no condition). */
    record Context(Assertion[] assertions, boolean[] trigger) {
    }

    static Context scan(List<Word> words) {
        Assertion[] result = new Assertion[words.size()];
        boolean[] trigger = new boolean[words.size()];
        Arrays.fill(result, Assertion.AFFIRMED);
        int sentenceStart = 0;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).sentenceEndsAfter() || i == words.size() - 1) {
                scanSentence(words, sentenceStart, i + 1, result, trigger);
                sentenceStart = i + 1;
            }
        }
        return new Context(result, trigger);
    }

    private static void scanSentence(List<Word> words, int from, int to, Assertion[] result, boolean[] isTrigger) {
        int i = from;
        while (i < to) {
            int pseudo = longest(PSEUDO, words, i, to);
            if (pseudo > 0) {
                i += pseudo;
                continue;
            }
            Trigger trigger = trigger(words, i, to);
            if (trigger == null) {
                i++;
                continue;
            }
            int after = i + trigger.words().length;
            if (trigger.direction() == Direction.FORWARD) {
                boolean clauseOnly = CLAUSE_ONLY.contains(String.join(" ", trigger.words()));
                for (int k = after; k < to && !terminates(words, k, to); k++) {
                    raise(result, k, trigger.assertion());
                    if (clauseOnly && words.get(k).clauseEndsAfter()) {
                        break;
                    }
                }
            } else {
                for (int k = i - 1; k >= from && !terminates(words, k, to); k--) {
                    raise(result, k, trigger.assertion());
                }
            }
            for (int k = i; k < after; k++) {
                raise(result, k, trigger.assertion());
                isTrigger[k] = true;
            }
            i = after;
        }
    }

    /** A terminating word ends a scope, unless it is a noun ("reports of violence"). */
    private static boolean terminates(List<Word> words, int k, int to) {
        return TERMINATORS.contains(words.get(k).text()) && !(k + 1 < to && words.get(k + 1).text().equals("of"));
    }

    private static void raise(Assertion[] result, int k, Assertion a) {
        if (a.compareTo(result[k]) > 0) {
            result[k] = a;
        }
    }

    private static Trigger trigger(List<Word> words, int at, int to) {
        for (Trigger t : TRIGGERS) {
            if (matches(t.words(), words, at, to)) {
                return t;
            }
        }
        return null;
    }

    private static int longest(List<String[]> phrases, List<Word> words, int at, int to) {
        for (String[] p : phrases) {
            if (matches(p, words, at, to)) {
                return p.length;
            }
        }
        return 0;
    }

    private static boolean matches(String[] phrase, List<Word> words, int at, int to) {
        if (at + phrase.length > to) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!words.get(at + k).text().equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }
}
