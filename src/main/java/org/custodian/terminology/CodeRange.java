package org.custodian.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code or range a tabular note points to, as written in its parentheses: {@code A18.32} (that code
 * and those under it), {@code A05.-} or {@code T81.4-} (everything under), {@code O03-O07} (a range
 * of categories). Codes are kept without dots.
 */
record CodeRange(String from, String to) {
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern CODE = Pattern.compile("[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\\.[0-9A-Z]{1,4})?");

    /** Whether a code (without dot) falls in the range. */
    boolean contains(String code) {
        if (to == null) {
            return code.startsWith(from);
        }
        return prefix(code, from.length()).compareTo(from) >= 0 && prefix(code, to.length()).compareTo(to) <= 0;
    }

    private static String prefix(String code, int length) {
        return code.length() > length ? code.substring(0, length) : code;
    }

    /** The codes and ranges in the parentheses of a note: "sepsis following abortion (O03-O07, O08.0)". */
    static List<CodeRange> in(String note) {
        List<CodeRange> ranges = new ArrayList<>();
        Matcher group = PARENTHESES.matcher(note);
        while (group.find()) {
            String inside = group.group(1);
            Matcher code = CODE.matcher(inside);
            int end = -1;
            String pending = null;
            while (code.find()) {
                String found = CodeSystem.normalize(code.group());
                if (pending != null && inside.substring(end, code.start()).strip().equals("-")) {
                    ranges.add(new CodeRange(pending, found));
                    pending = null;
                } else {
                    if (pending != null) {
                        ranges.add(new CodeRange(pending, null));
                    }
                    pending = found;
                }
                end = code.end();
            }
            if (pending != null) {
                ranges.add(new CodeRange(pending, null));
            }
        }
        return ranges;
    }

    @Override
    public String toString() {
        return to == null ? from : from + "-" + to;
    }
}
