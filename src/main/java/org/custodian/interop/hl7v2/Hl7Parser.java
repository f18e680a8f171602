package org.custodian.interop.hl7v2;

/**
 * Reads pipe-delimited text of any version 2.2 to 2.5.1 into its {@link Segments}, after the segment
 * order checks. No data type is imposed here: real systems' quirks are tolerated, and the fields
 * Custodian uses are checked by the mappings, each naming its field.
 */
final class Hl7Parser {
    private Hl7Parser() {
    }

    /** {@code text} must have passed {@link MshHeader#validate}; its separators come from MSH-1 and MSH-2. */
    static Segments parse(String text) {
        SegmentOrder.check(text);
        return Segments.of(text);
    }
}
