package org.custodian.interop.hl7v2;

/** HL7 table 0357 (message error condition codes) as sent in ERR-3; 1xx are errors, 2xx rejections. */
enum ErrorCode {
    SEGMENT_SEQUENCE(100, "Segment sequence error"),
    REQUIRED_FIELD_MISSING(101, "Required field missing"),
    DATA_TYPE(102, "Data type error"),
    TABLE_VALUE_NOT_FOUND(103, "Table value not found"),
    /** MSH-18 names a set Custodian cannot decode: table 0211 has no value for us, and the message cannot be read at all. */
    UNSUPPORTED_CHARACTER_SET(103, "Table value not found"),
    UNSUPPORTED_MESSAGE_TYPE(200, "Unsupported message type"),
    UNSUPPORTED_EVENT(201, "Unsupported event code"),
    UNSUPPORTED_PROCESSING_ID(202, "Unsupported processing id"),
    UNSUPPORTED_VERSION(203, "Unsupported version id"),
    UNKNOWN_KEY(204, "Unknown key identifier"),
    DUPLICATE_KEY(205, "Duplicate key identifier"),
    RECORD_LOCKED(206, "Application record locked"),
    INTERNAL_ERROR(207, "Application internal error"),
    /** The message is well formed but the record is not in a state it can apply to (e.g. A13 for an encounter not discharged). */
    RECORD_STATE(207, "Application internal error");

    private final int code;
    private final String text;

    ErrorCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    int code() {
        return code;
    }

    String text() {
        return text;
    }

    /** MSA-1: AR when the message as a whole cannot be taken, AE when a field's content is wrong. */
    AckCode ack() {
        if (this == INTERNAL_ERROR || this == RECORD_STATE) {
            return AckCode.AE;
        }
        return code >= 200 || this == UNSUPPORTED_CHARACTER_SET ? AckCode.AR : AckCode.AE;
    }

    enum AckCode { AA, AE, AR }
}
