package org.custodian.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one free-text PHI scrubber, used by the web screens, the Safe Harbor export and
 * {@code custodian deid text}. It finds identifiers by shape (dates, phones, e-mail, numbers with
 * their labels, addresses, ages over 89), people's names by their context, and any value known
 * to identify the patient; overlapping finds are merged, then replaced.
 */
@Component
public final class PhiScrubber {

    /** What is found, before anything is replaced; spans are sorted and do not overlap. */
    public List<PhiSpan> find(String text, KnownIdentifiers known) {
        List<PhiSpan> all = new ArrayList<>(PatternDetectors.find(text));
        all.addAll(NameDetector.find(text));
        all.addAll(knownValues(text, known));
        return merge(all);
    }

    public ScrubbedText scrub(String text) {
        return scrub(text, KnownIdentifiers.NONE, Replacement.PLACEHOLDER, "");
    }

    /**
     * Replaces every span found. {@code surrogateKey} makes surrogates differ between data sets
     * (and stay the same within one); it is ignored for placeholders.
     */
    public ScrubbedText scrub(String text, KnownIdentifiers known, Replacement replacement, String surrogateKey) {
        List<PhiSpan> spans = find(text, known);
        Surrogates surrogates = new Surrogates(surrogateKey);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PhiSpan span : spans) {
            out.append(text, at, span.start());
            out.append(replacement == Replacement.PLACEHOLDER ? span.type().placeholder()
                    : surrogates.replace(span.type(), text.substring(span.start(), span.end())));
            at = span.end();
        }
        out.append(text, at, text.length());
        return new ScrubbedText(out.toString(), spans);
    }

    private static List<PhiSpan> knownValues(String text, KnownIdentifiers known) {
        List<PhiSpan> found = new ArrayList<>();
        for (String name : known.names()) {
            for (String word : name.split("[\\s,]+")) {
                if (word.replaceAll("[^A-Za-z]", "").length() >= 2) {
                    literal(text, Pattern.quote(word), PhiType.NAME, found);
                }
            }
        }
        for (String id : known.identifiers()) {
            String digits = id.replaceAll("\\D", "");
            literal(text, Pattern.quote(id), PhiType.ID, found);
            if (digits.length() >= 7) {
                // the same number however it is punctuated: 123-45-6789, 123 45 6789, 123456789
                literal(text, String.join("[\\s.()-]{0,2}", digits.split("")), PhiType.ID, found);
            }
        }
        for (String address : known.addresses()) {
            literal(text, Pattern.quote(address), PhiType.ADDRESS, found);
        }
        return found;
    }

    private static void literal(String text, String regex, PhiType type, List<PhiSpan> into) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9])" + regex + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE).matcher(text);
        while (m.find()) {
            into.add(new PhiSpan(m.start(), m.end(), type));
        }
    }

    /** Overlapping or touching-by-overlap spans become one, typed as the longest of them. */
    static List<PhiSpan> merge(List<PhiSpan> spans) {
        List<PhiSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(PhiSpan::start).thenComparing(Comparator.comparingInt(PhiSpan::end).reversed()));
        List<PhiSpan> merged = new ArrayList<>();
        PhiSpan current = null;
        PhiSpan longest = null;
        for (PhiSpan span : sorted) {
            if (current != null && span.start() < current.end()) {
                if (span.end() - span.start() > longest.end() - longest.start()) {
                    longest = span;
                }
                current = new PhiSpan(current.start(), Math.max(current.end(), span.end()), longest.type());
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = span;
                longest = span;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }
}
