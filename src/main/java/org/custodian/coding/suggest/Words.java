package org.custodian.coding.suggest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits text into words with their spans: letters and digits, accents removed, lower case. A few
 * shorthand forms with a slash ("h/o", "r/o", "w/o") become the words they stand for. Semantic tags
 * in parentheses that SNOMED CT names carry ("(disorder)", "(finding)") are dropped: they qualify the
 * name, they are not part of the condition.
 */
final class Words {
    private static final Map<String, List<String>> SLASHED = Map.of(
            "h/o", List.of("history", "of"),
            "r/o", List.of("rule", "out"),
            "w/o", List.of("without"),
            "w/", List.of("with"),
            "s/p", List.of("status", "post"),
            "n/v", List.of("nausea", "vomiting"),
            "c/o", List.of("complains", "of"));
    private static final Set<String> SEMANTIC_TAGS = Set.of("disorder", "finding", "situation", "procedure", "event",
            "morphologic abnormality", "observable entity", "person", "qualifier value", "body structure", "regime/therapy");

    private Words() {
    }

    static List<Word> of(String text) {
        String plain = stripAccents(text);
        List<Word> words = new ArrayList<>();
        int n = plain.length();
        int i = 0;
        while (i < n) {
            char c = plain.charAt(i);
            if (c == '(') {
                int close = plain.indexOf(')', i);
                if (close > 0 && SEMANTIC_TAGS.contains(plain.substring(i + 1, close).trim().toLowerCase())) {
                    i = close + 1;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < n && Character.isLetterOrDigit(plain.charAt(end))) {
                    end++;
                }
                int slashEnd = slashForm(plain, i, end);
                if (slashEnd > 0) {
                    List<String> meaning = SLASHED.get(plain.substring(i, slashEnd).toLowerCase());
                    for (String m : meaning) {
                        words.add(new Word(m, i, slashEnd, false, false));
                    }
                    i = slashEnd;
                } else {
                    words.add(new Word(plain.substring(i, end).toLowerCase(), i, end, false, false));
                    i = end;
                }
                continue;
            }
            if (!words.isEmpty()) {
                Word last = words.getLast();
                boolean sentence = c == '.' && !decimal(plain, i) || c == '!' || c == '?' || c == '\n' && blankOrHeading(plain, i)
                        || c == ';' || c == '#';
                boolean clause = sentence || c == ',' || c == ':' || c == '\n' || c == '-' && i + 1 < n && plain.charAt(i + 1) == ' '
                        || c == '(' || c == ')';
                if (clause && !last.clauseEndsAfter() || sentence && !last.sentenceEndsAfter()) {
                    words.set(words.size() - 1, new Word(last.text(), last.start(), last.end(),
                            last.clauseEndsAfter() || clause, last.sentenceEndsAfter() || sentence));
                }
            }
            i++;
        }
        return words;
    }

    /** The end of a shorthand like "h/o" starting at {@code start}, or -1. */
    private static int slashForm(String text, int start, int end) {
        if (end >= text.length() || text.charAt(end) != '/') {
            return -1;
        }
        int after = end + 1;
        while (after < text.length() && Character.isLetter(text.charAt(after))) {
            after++;
        }
        String candidate = text.substring(start, after).toLowerCase();
        if (SLASHED.containsKey(candidate)) {
            return after;
        }
        return SLASHED.containsKey(text.substring(start, end + 1).toLowerCase()) ? end + 1 : -1;
    }

    private static boolean decimal(String text, int dot) {
        return dot > 0 && dot + 1 < text.length() && Character.isDigit(text.charAt(dot - 1)) && Character.isDigit(text.charAt(dot + 1));
    }

    /** A line break ends a sentence when the next line is blank, a heading or a list item. */
    private static boolean blankOrHeading(String text, int newline) {
        int i = newline + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '#' || text.charAt(i) == '-'
                || text.charAt(i) == '*' || Character.isUpperCase(text.charAt(i)) && headingLine(text, i);
    }

    private static boolean headingLine(String text, int from) {
        int end = text.indexOf('\n', from);
        String line = text.substring(from, end < 0 ? text.length() : end).trim();
        return line.endsWith(":") || line.indexOf(':') > 0 && line.indexOf(':') < 40;
    }

    /** Same length as the input, so spans stay true: each accented letter keeps its base letter. */
    private static String stripAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                StringBuilder out = new StringBuilder(text.length());
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(k);
                    String base = c > 127 ? Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "") : "";
                    out.append(c > 127 ? (base.length() == 1 ? base.charAt(0) : c) : c);
                }
                return out.toString();
            }
        }
        return text;
    }
}
