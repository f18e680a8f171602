package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns words into the tokens that are matched: abbreviations spelled out, phrases rewritten to
 * ICD-10-CM wording, synonyms and plurals brought to one form, stop words dropped. Each token keeps
 * the index of the word it came from, so context and spans can be found again.
 */
final class Normalizer {
    /**
     * Marks a token a note denies inside a phrase it affirms ("migraine without aura", "not intractable"): it
     * meets a code title's own "without ..." words, never a code that needs the thing.
     */
    static final String DENIED = "without:";

    private Normalizer() {
    }

    /** A token and the indexes of the first and last word it stands for in the list given. */
    record Normalized(String token, int word, int lastWord) {
    }

    static List<Normalized> tokens(List<String> words) {
        List<Normalized> expanded = new ArrayList<>(words.size() + 4);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<String> spelled = Lexicon.ABBREVIATIONS.get(w);
            if (spelled != null) {
                for (String s : spelled) {
                    expanded.add(new Normalized(Lexicon.canonical(s), i, i));
                }
            } else {
                expanded.add(new Normalized(Lexicon.canonical(w), i, i));
            }
        }
        List<Normalized> rewritten = rewritePhrases(expanded);
        List<Normalized> out = new ArrayList<>(rewritten.size());
        for (Normalized n : rewritten) {
            if (!Lexicon.STOP.contains(n.token())) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<Normalized> rewritePhrases(List<Normalized> in) {
        List<Normalized> out = new ArrayList<>(in.size());
        int i = 0;
        outer:
        while (i < in.size()) {
            for (Lexicon.Phrase phrase : Lexicon.PHRASES) {
                List<String> p = phrase.words();
                if (i + p.size() <= in.size() && matches(in, i, p)) {
                    int word = in.get(i).word();
                    int last = in.get(i + p.size() - 1).lastWord();
                    for (String r : phrase.replacement()) {
                        out.add(new Normalized(r, word, last));
                    }
                    i += p.size();
                    continue outer;
                }
            }
            out.add(in.get(i));
            i++;
        }
        return out;
    }

    private static boolean matches(List<Normalized> in, int at, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (!in.get(at + k).token().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }
}
