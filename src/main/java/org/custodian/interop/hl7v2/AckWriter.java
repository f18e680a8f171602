package org.custodian.interop.hl7v2;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place outcomes become ACK messages (original acknowledgment mode). An ACK declares the
 * character set of the message it answers (MSH-18) and is sent in it, see {@link #bytes}.
 */
final class AckWriter {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private AckWriter() {
    }

    static ErrorCode.AckCode code(Hl7Outcome outcome) {
        return switch (outcome) {
            case Hl7Outcome.Accepted a -> ErrorCode.AckCode.AA;
            case Hl7Outcome.Duplicate d -> ErrorCode.AckCode.AA;
            case Hl7Outcome.Rejected r -> r.code().ack();
        };
    }

    static String ack(MshHeader header, Hl7Outcome outcome) {
        StringBuilder ack = new StringBuilder("MSH|^~\\&|CUSTODIAN|CUSTODIAN|")
                .append(escape(header.sendingApplication())).append('|').append(escape(header.sendingFacility()))
                .append('|').append(ZonedDateTime.now().format(TS)).append("||ACK^")
                .append(escape(header.triggerEvent())).append("^ACK|CUST").append(SEQUENCE.incrementAndGet())
                .append('|').append(header.processingId() == null ? "P" : escape(header.processingId()))
                .append('|').append(header.version() == null ? "2.5.1" : escape(header.version()));
        if (MessageCharset.isSupported(header.characterSet())) {
            ack.append("||||||").append(header.characterSet()); // MSH-18: the ACK is written in the message's set
        }
        ack.append('\r');
        ack.append("MSA|").append(code(outcome)).append('|').append(escape(header.controlId()));
        switch (outcome) {
            case Hl7Outcome.Accepted a -> ack.append('\r');
            case Hl7Outcome.Duplicate d -> ack.append("|duplicate control id: already accepted, not applied again\r");
            case Hl7Outcome.Rejected r -> ack.append('|').append(escape(clip(r.reason()))).append('\r')
                    .append("ERR||").append(r.location().erl()).append('|').append(r.code().code()).append('^')
                    .append(r.code().text()).append("^HL70357|E||||").append(escape(clip(r.reason()))).append('\r');
        }
        return ack.toString();
    }

    /** The ACK as sent: in the character set the message declared, else UTF-8. */
    static byte[] bytes(String ack, byte[] message) {
        java.nio.charset.Charset declared = MessageCharset.of(message);
        return ack.getBytes(declared != null ? declared : java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '~' -> out.append("\\R\\");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
