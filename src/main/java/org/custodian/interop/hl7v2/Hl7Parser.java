package org.custodian.interop.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * Parses pipe-delimited text into HAPI's v2.5.1 structures whatever version 2.x was sent. HAPI's
 * own validation is off: real systems' quirks are tolerated, and the fields Custodian uses are
 * checked by the mappings, each naming its field.
 */
final class Hl7Parser {
    private static final PipeParser PARSER = parser();

    private Hl7Parser() {
    }

    static Message parse(String text) {
        SegmentOrder.check(text);
        try {
            return PARSER.parse(text);
        } catch (HL7Exception | RuntimeException e) {
            // HAPI reports where when it can; its message then says what.
            Location where = e instanceof HL7Exception h && h.getLocation() != null && h.getLocation().getSegmentName() != null
                    ? new Location(h.getLocation().getSegmentName(), Math.max(1, h.getLocation().getSegmentRepetition()),
                    Math.max(0, h.getLocation().getField()), 0)
                    : Location.MESSAGE;
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, where, "cannot be parsed: " + e.getMessage());
        }
    }

    @SuppressWarnings("resource")
    private static PipeParser parser() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setAllowUnknownVersions(false);
        return context.getPipeParser();
    }
}
