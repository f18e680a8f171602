package org.custodian.terminology;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits text into lower-case words of letters and digits, and compares words allowing one typo. */
final class Words {
    private static final Set<String> STOP = Set.of("a", "an", "and", "of", "the", "or", "to", "in", "on", "for", "by");

    private Words() {
    }

    static List<String> of(String text) {
        String plain = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                break;
            }
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    /** The words of a query worth matching: without "of", "the" and the like, unless that is all there is. */
    static List<String> query(String text) {
        List<String> all = of(text);
        List<String> kept = all.stream().filter(w -> !STOP.contains(w)).distinct().toList();
        return kept.isEmpty() ? all.stream().distinct().toList() : kept;
    }

    /** Every string made by deleting one character. */
    static List<String> deletions(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }

    /** Whether two different words are one edit apart: a character changed, added, removed, or two swapped. */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (++diffs == 1) {
                        first = i;
                    }
                }
            }
            if (diffs == 1) {
                return true;
            }
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.regionMatches(first + 2, b, first + 2, la - first - 2);
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }
}
