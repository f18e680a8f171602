package org.custodian.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names without a dictionary of names: by the words around them (a title, a
 * credential, a label such as "Patient:" or "daughter", "… is a 45 year-old"), by the shape of a
 * capitalised pair in mid-sentence, and then every other occurrence in the same text of a word
 * already found to be a name.
 */
final class NameDetector {
    private static final String WORD = "\\p{Lu}[\\p{L}0-9'’]*(?:-\\p{Lu}[\\p{L}'’]+)?";
    private static final String NAME = WORD + "(?: +[A-Z](?:\\.|(?= )))?(?: +" + WORD + "){0,2}";
    private static final String RELATION = "wife|husband|spouse|partner|daughter|son|mother|father|mom|dad|sister"
            + "|brother|friend|guardian|caregiver|neighbou?r|niece|nephew|grandson|granddaughter|grandmother"
            + "|grandfather|aunt|uncle|cousin|fianc[eé]e?|roommate|POA|HCP|proxy";
    private static final String CUE = "patient name|patient|pt|name|signed by|electronically signed by|e-signed by"
            + "|attending(?: physician)?|physician|provider|surgeon|pcp|primary care(?: physician| provider)?"
            + "|emergency contact|contact|next of kin|referred by|referring(?: physician| provider)?|seen by"
            + "|dictated by|transcribed by|reviewed by|cc|discussed with|spoke with|spoke to|called|per"
            + "|accompanied by|nurse|resident|fellow|interpreter|therapist|counselor|social worker|case manager"
            + "|mr\\.?|mrs\\.?|ms\\.?|" + RELATION;

    private static final List<Pattern> RULES = List.of(
            Pattern.compile("\\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev|Sr|Sister|Father|Nurse)\\.? +(" + NAME + ")"),
            Pattern.compile("\\b(" + WORD + "(?: +[A-Z]\\.)? +" + WORD + "),? +(?:MD|M\\.D\\.|DO|D\\.O\\.|RN|NP|PA-C|PA"
                    + "|PhD|DDS|DMD|LPN|CNA|MSW|LCSW|APRN|CRNA|PharmD|DPM|OD|FNP|DNP)\\b"),
            Pattern.compile("\\b(?i:" + CUE + ")(?: +(?i:is|was|named|called))?[ \\t]*[:,-]?[ \\t]+(" + NAME + ")"),
            Pattern.compile("(?m)(?:^|[.!?]\\s+)(" + NAME + ")\\s+(?:is|was)\\s+an?\\s+(?:\\d+[- ]?(?:year|yr|month|week|day)|newborn)"),
            Pattern.compile("(" + NAME + ")\\s*[(,]\\s*(?i:" + RELATION + ")\\b"),
            // a capitalised pair (optionally with a middle initial) not at the start of a sentence
            Pattern.compile("(?<![.!?:\\n]\\s{0,3})(?<=[\\p{Ll}0-9,;] {1,3})(" + WORD + "(?: +[A-Z]\\.)? +" + WORD + ")"));

    private static final Pattern WORDS = Pattern.compile("[\\p{L}0-9'’.-]+");

    private NameDetector() {
    }

    static List<PhiSpan> find(String text) {
        List<PhiSpan> found = new ArrayList<>();
        for (Pattern rule : RULES) {
            Matcher m = rule.matcher(text);
            while (m.find()) {
                trimmed(text, m.start(1), m.end(1)).ifPresent(found::add);
            }
        }
        found.addAll(otherMentions(text, found));
        return found;
    }

    /** Drops leading and trailing words that are not names ("Dr. Smith Cardiology" keeps "Smith"). */
    private static java.util.Optional<PhiSpan> trimmed(String text, int start, int end) {
        List<int[]> words = new ArrayList<>();
        Matcher w = WORDS.matcher(text).region(start, end);
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        int first = 0;
        int last = words.size() - 1;
        while (first <= last && NotNames.contains(text.substring(words.get(first)[0], words.get(first)[1]))) {
            first++;
        }
        while (last >= first && NotNames.contains(text.substring(words.get(last)[0], words.get(last)[1]))) {
            last--;
        }
        if (first > last) {
            return java.util.Optional.empty();
        }
        for (int i = first; i <= last; i++) {
            if (NotNames.contains(text.substring(words.get(i)[0], words.get(i)[1]))) {
                // a non-name in the middle ("Smith Hospital Jones") means this was not one name
                last = i - 1;
                break;
            }
        }
        int s = words.get(first)[0];
        int e = words.get(last)[1];
        while (e > s && text.charAt(e - 1) == '.' && !isInitial(text, s, e)) {
            e--;
        }
        return java.util.Optional.of(new PhiSpan(s, e, PhiType.NAME));
    }

    private static boolean isInitial(String text, int start, int end) {
        return end - start >= 2 && Character.isUpperCase(text.charAt(end - 2))
                && (end - 2 == start || text.charAt(end - 3) == ' ');
    }

    /** Every other capitalised occurrence of a word already found in a name. */
    private static List<PhiSpan> otherMentions(String text, List<PhiSpan> names) {
        Set<String> words = new HashSet<>();
        for (PhiSpan span : names) {
            for (String word : text.substring(span.start(), span.end()).split("[\\s,]+")) {
                String clean = word.replaceAll("[.'’]+$", "");
                if (clean.length() >= 2 && Character.isUpperCase(clean.charAt(0)) && !NotNames.contains(clean)) {
                    words.add(clean);
                }
            }
        }
        List<PhiSpan> more = new ArrayList<>();
        for (String word : words) {
            Matcher m = Pattern.compile("(?<![\\p{L}0-9])" + Pattern.quote(word) + "(?![\\p{L}0-9])").matcher(text);
            while (m.find()) {
                more.add(new PhiSpan(m.start(), m.end(), PhiType.NAME));
            }
        }
        return more;
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
