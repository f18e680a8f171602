package org.custodian.interop.hl7v2;

import java.util.Set;

/**
 * The MSH fields Custodian needs before parsing: read leniently from the raw text so that even a
 * message that cannot be parsed is stored with its sender and control id and gets an addressed ACK.
 */
record MshHeader(String sendingApplication, String sendingFacility, String messageCode, String triggerEvent,
                 String controlId, String processingId, String version, String characterSet) {
    static final MshHeader UNKNOWN = new MshHeader(null, null, null, null, null, null, null, null);
    private static final Set<String> VERSIONS = Set.of("2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    /** Never fails; fields that cannot be read are null. */
    static MshHeader read(String text) {
        if (text.length() < 8 || !text.startsWith("MSH")) {
            return UNKNOWN;
        }
        char fieldSep = text.charAt(3);
        int end = text.indexOf('\r');
        String[] f = (end < 0 ? text : text.substring(0, end)).split(java.util.regex.Pattern.quote(String.valueOf(fieldSep)), -1);
        String enc = f.length > 1 ? f[1] : "";
        char compSep = enc.isEmpty() ? '^' : enc.charAt(0);
        char repSep = enc.length() < 2 ? '~' : enc.charAt(1);
        String[] type = field(f, 9) == null ? new String[0]
                : field(f, 9).split(java.util.regex.Pattern.quote(String.valueOf(compSep)), -1);
        return new MshHeader(first(field(f, 3), compSep), first(field(f, 4), compSep), part(type, 0), part(type, 1),
                field(f, 10), first(field(f, 11), compSep), first(field(f, 12), compSep), first(field(f, 18), repSep));
    }

    /** The checks a message must pass before its content is read, each naming its field. */
    void validate(String text) {
        if (!text.startsWith("MSH")) {
            throw new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, Location.of("MSH", 0),
                    "a message must start with an MSH segment; it starts with '" + printable(text) + "'");
        }
        if (text.length() < 8) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("MSH", 2), "MSH is truncated");
        }
        char fieldSep = text.charAt(3);
        String enc = text.substring(4, Math.min(text.length(), 8));
        if (Character.isLetterOrDigit(fieldSep) || fieldSep == '\r' || fieldSep == ' ') {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, Location.of("MSH", 1),
                    "field separator '" + fieldSep + "' is not allowed (expected '|')");
        }
        if (enc.length() < 4 || enc.chars().distinct().count() != 4 || enc.indexOf(fieldSep) >= 0
                || enc.chars().anyMatch(c -> Character.isLetterOrDigit(c) || c == '\r' || c == ' ')) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, Location.of("MSH", 2),
                    "encoding characters must be four distinct separators such as ^~\\&; found '" + printable(enc) + "'");
        }
        require(messageCode, 9, "message type");
        require(triggerEvent, 9, "trigger event (MSH-9.2)");
        require(controlId, 10, "message control id");
        require(processingId, 11, "processing id");
        require(version, 12, "version id");
        if (!VERSIONS.contains(version)) {
            throw new Hl7Rejection(ErrorCode.UNSUPPORTED_VERSION, Location.of("MSH", 12),
                    "version " + version + " is not supported; send 2.2 to 2.5.1");
        }
        if (!Set.of("P", "T", "D").contains(processingId)) {
            throw new Hl7Rejection(ErrorCode.UNSUPPORTED_PROCESSING_ID, Location.of("MSH", 11),
                    "processing id '" + processingId + "' is not P, T or D");
        }
    }

    String messageType() {
        return messageCode == null ? null : triggerEvent == null ? messageCode : messageCode + "^" + triggerEvent;
    }

    private void require(String value, int field, String name) {
        if (value == null || value.isBlank()) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("MSH", field), name + " is required");
        }
    }

    private static String field(String[] fields, int msh) {
        // MSH-1 is the separator itself, so MSH-n sits at index n - 1.
        int i = msh - 1;
        return i < fields.length && !fields[i].isBlank() ? fields[i].trim() : null;
    }

    private static String first(String value, char compSep) {
        if (value == null) {
            return null;
        }
        int cut = value.indexOf(compSep);
        String head = (cut < 0 ? value : value.substring(0, cut)).trim();
        return head.isEmpty() ? null : head;
    }

    private static String part(String[] parts, int i) {
        return i < parts.length && !parts[i].isBlank() ? parts[i].trim() : null;
    }

    static String printable(String text) {
        String head = text.length() > 20 ? text.substring(0, 20) + "…" : text;
        StringBuilder out = new StringBuilder();
        head.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02X", c) : Character.toString(c)));
        return out.toString();
    }
}
