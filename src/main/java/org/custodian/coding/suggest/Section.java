package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of note section a position is in, from headings such as "# Assessment and Plan" or
 * "Family History:". Diagnostic statements (assessment, impression, diagnoses) are what coders code
 * from; history sections change what a mention means; social history and allergies hold status
 * rather than diagnoses; plans, orders and medication lists name procedures and drugs, never diagnoses.
 */
enum Section {
    DIAGNOSTIC(1.0),
    UNSECTIONED(1.0),
    PRESENTING(0.85),
    PAST_HISTORY(0.9),
    FAMILY_HISTORY(0.9),
    STATUS(0.6),
    ORDERS(0);

    private static final Pattern HEADING = Pattern.compile(
            "(?m)^[ \\t]*(?:#+[ \\t]*([^\\n]{1,60})$|([A-Za-z][A-Za-z /&]{2,40}):)");

    private final double weight;

    Section(double weight) {
        this.weight = weight;
    }

    double weight() {
        return weight;
    }

    /** Where each section starts (after its heading, which begins at {@code headingStart}). */
    record Start(int headingStart, int offset, Section section) {
        boolean inHeading(int position) {
            return position >= headingStart && position < offset;
        }
    }

    static List<Start> of(String text) {
        List<Start> starts = new ArrayList<>();
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            String name = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT).trim();
            Section kind = named(name);
            if (kind != null) {
                starts.add(new Start(m.start(), m.end(), kind));
            }
        }
        return starts;
    }

    static boolean inHeading(List<Start> starts, int offset) {
        for (Start s : starts) {
            if (s.inHeading(offset)) {
                return true;
            }
        }
        return false;
    }

    /** The section at a position; positions before the first heading are {@link #UNSECTIONED}. */
    static Section at(List<Start> starts, int offset) {
        Section current = UNSECTIONED;
        for (Start s : starts) {
            if (s.offset() > offset) {
                break;
            }
            current = s.section();
        }
        return current;
    }

    private static Section named(String name) {
        if (name.contains("family")) {
            return FAMILY_HISTORY;
        }
        if (name.contains("past") || name.contains("medical history") || name.equals("pmh") || name.contains("surgical history")) {
            return PAST_HISTORY;
        }
        if (name.contains("assessment") || name.contains("impression") || name.contains("diagnos") || name.contains("problem")) {
            return DIAGNOSTIC;
        }
        if (name.contains("allerg") || name.contains("social")) {
            return STATUS;
        }
        if (name.contains("plan") || name.contains("medication") || name.contains("procedure") || name.contains("immuniz")
                || name.contains("vital") || name.contains("instruction") || name.contains("order")) {
            return ORDERS;
        }
        if (name.contains("complaint") || name.contains("present illness") || name.equals("hpi") || name.contains("review of systems")
                || name.equals("ros") || name.contains("subjective") || name.contains("reason for") || name.contains("exam")
                || name.contains("objective") || name.contains("findings") || name.contains("history")) {
            return PRESENTING;
        }
        return null;
    }
}
