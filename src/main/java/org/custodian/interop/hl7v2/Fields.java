package org.custodian.interop.hl7v2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading fields of a parsed segment, each failure naming the field. */
final class Fields {
    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private final Segment segment;
    private final int occurrence;

    Fields(Segment segment, int occurrence) {
        this.segment = segment;
        this.occurrence = occurrence;
    }

    Fields(Segment segment) {
        this(segment, 1);
    }

    Location at(int field, int component) {
        return new Location(segment.name(), occurrence, field, component);
    }

    /** Field, repetition 0, component and subcomponent 1-based; null when empty. */
    String get(int field, int rep, int component, int sub) {
        String value = segment.value(field, rep, component, sub);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String get(int field, int component) {
        return get(field, 0, component, 1);
    }

    String get(int field) {
        return get(field, 0, 1, 1);
    }

    int repetitions(int field) {
        return segment.repetitions(field);
    }

    String required(int field, int component, String what) {
        String value = get(field, component);
        if (value == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, at(field, component > 1 ? component : 0),
                    what + " is required");
        }
        return value;
    }

    Instant time(int field, ZoneId zone) {
        String value = get(field);
        return value == null ? null : parseTime(value, at(field, 0), zone);
    }

    LocalDate date(int field) {
        String value = get(field);
        if (value == null) {
            return null;
        }
        Matcher m = matchTime(value, at(field, 0));
        if (m.group(2) == null || m.group(3) == null) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, at(field, 0), "'" + value + "' is not a full date (YYYYMMDD)");
        }
        return localDateTime(m, value, at(field, 0)).toLocalDate();
    }

    BigDecimal number(String value, Location where) {
        try {
            return value == null ? null : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, where, "'" + value + "' is not a number");
        }
    }

    static Instant parseTime(String value, Location where, ZoneId zone) {
        Matcher m = matchTime(value, where);
        LocalDateTime local = localDateTime(m, value, where);
        return m.group(8) == null ? local.atZone(zone).toInstant()
                : local.atOffset(ZoneOffset.of(m.group(8))).toInstant();
    }

    private static Matcher matchTime(String value, Location where) {
        Matcher m = DTM.matcher(value.trim());
        if (!m.matches()) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, where,
                    "'" + value + "' is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])");
        }
        return m;
    }

    private static LocalDateTime localDateTime(Matcher m, String value, Location where) {
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), part(m, 2, 1), part(m, 3, 1), part(m, 4, 0),
                    part(m, 5, 0), part(m, 6, 0));
        } catch (java.time.DateTimeException e) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, where, "'" + value + "' is not a valid date/time: " + e.getMessage());
        }
    }

    private static int part(Matcher m, int group, int absent) {
        return m.group(group) == null ? absent : Integer.parseInt(m.group(group));
    }
}
