package org.custodian.interop.hl7v2;

/**
 * Where in a message a problem is: segment, its occurrence (1-based), field and component. Shown
 * to people as {@code PID-7}, {@code PID-3.4} or {@code OBX[2]-5}; sent in ERR-2 as an ERL.
 */
record Location(String segment, int occurrence, int field, int component) {
    static final Location MESSAGE = new Location("", 0, 0, 0);

    static Location of(String segment, int field) {
        return new Location(segment, 1, field, 0);
    }

    static Location of(String segment, int field, int component) {
        return new Location(segment, 1, field, component);
    }

    Location at(int occurrence) {
        return new Location(segment, occurrence, field, component);
    }

    /** ERR-2 (ERL): segment^sequence^field^field repetition^component. */
    String erl() {
        if (segment.isEmpty()) {
            return "";
        }
        if (field == 0) {
            return segment + "^" + occurrence;
        }
        return segment + "^" + occurrence + "^" + field + (component > 0 ? "^1^" + component : "");
    }

    @Override
    public String toString() {
        if (segment.isEmpty()) {
            return "message";
        }
        String where = occurrence > 1 ? segment + "[" + occurrence + "]" : segment;
        return field == 0 ? where : where + "-" + field + (component > 0 ? "." + component : "");
    }
}
