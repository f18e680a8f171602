package org.custodian.interop.hl7v2;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment as sent: its name and its fields, split on the message's own separators. A value is cut
 * out of its field only when read (repetition, component, subcomponent, by position, whatever data type
 * a version gives the field) and its escape sequences are resolved as HAPI resolves them. Reading a
 * message this way costs a few string scans; building HAPI's typed structure by reflection cost a
 * quarter of the MLLP threads' time, for the same values.
 */
final class Segment {
    private static final Escaping ESCAPING = new DefaultEscaping();

    private final String name;
    private final List<String> fields;
    private final Delimiters delimiters;

    /** The separators of one message, from MSH-1 and MSH-2. */
    record Delimiters(char field, char component, char repetition, char escape, char subcomponent,
                      EncodingCharacters hapi) {
        static Delimiters of(String message) {
            char field = message.charAt(3);
            String encoding = message.substring(4, 8);
            return new Delimiters(field, encoding.charAt(0), encoding.charAt(1), encoding.charAt(2), encoding.charAt(3),
                    new EncodingCharacters(field, encoding));
        }
    }

    /**
     * {@code text} is the segment without its terminator. Field n of MSH is the n-th counting the field
     * separator itself as MSH-1; MSH-2, the encoding characters, is one value.
     */
    Segment(String text, Delimiters delimiters) {
        this.name = text.substring(0, Math.min(3, text.length()));
        this.delimiters = delimiters;
        this.fields = new ArrayList<>();
        fields.add(name);
        boolean header = name.equals("MSH");
        if (header) {
            fields.add(String.valueOf(delimiters.field()));
        }
        if (text.length() > 3) {
            split(text, 4, delimiters.field(), fields);
        }
    }

    String name() {
        return name;
    }

    /** Field, repetition 0-based, component and subcomponent 1-based, escape sequences resolved; null when absent. */
    String value(int field, int rep, int component, int sub) {
        if (field <= 0 || field >= fields.size() || rep < 0 || component < 1 || sub < 1) {
            return null;
        }
        String text = fields.get(field);
        if (name.equals("MSH") && field <= 2) {
            return rep == 0 && component == 1 && sub == 1 ? text : null;
        }
        String value = part(part(part(text, delimiters.repetition(), rep), delimiters.component(), component - 1),
                delimiters.subcomponent(), sub - 1);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.indexOf(delimiters.escape()) < 0 ? value : ESCAPING.unescape(value, delimiters.hapi());
    }

    /** How many repetitions the field holds; 0 when it is empty or absent. */
    int repetitions(int field) {
        if (field <= 0 || field >= fields.size() || fields.get(field).isEmpty()) {
            return 0;
        }
        if (name.equals("MSH") && field <= 2) {
            return 1;
        }
        String text = fields.get(field);
        int count = 1;
        for (int i = text.indexOf(delimiters.repetition()); i >= 0; i = text.indexOf(delimiters.repetition(), i + 1)) {
            count++;
        }
        return count;
    }

    /** True when no field holds anything but separators (a segment HAPI would read as empty). */
    boolean isEmpty() {
        if (name.equals("MSH")) {
            return false;
        }
        for (int f = 1; f < fields.size(); f++) {
            String text = fields.get(f);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != delimiters.repetition() && c != delimiters.component() && c != delimiters.subcomponent()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void split(String text, int from, char separator, List<String> into) {
        int start = from;
        for (int end = text.indexOf(separator, start); end >= 0; end = text.indexOf(separator, start)) {
            into.add(text.substring(start, end));
            start = end + 1;
        }
        into.add(text.substring(start));
    }

    /** The {@code index}-th piece of {@code text} between separators, or null when there are fewer. */
    private static String part(String text, char separator, int index) {
        if (text == null) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < index; i++) {
            int next = text.indexOf(separator, start);
            if (next < 0) {
                return null;
            }
            start = next + 1;
        }
        int end = text.indexOf(separator, start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
