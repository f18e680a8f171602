package org.custodian.interop.hl7v2;

import java.util.Locale;
import org.custodian.record.Observation;

/**
 * OBX-11, observation result status (HL7 table 0085), as what it asks of the record. A result sent
 * again for the same observation of the same order replaces the earlier one as a new version.
 */
enum ResultStatus {
    /** F final, C correction, P preliminary, R entered not verified, S partial: the value is the result now. */
    RESULT,
    /** U: the result already sent as preliminary is now final, not sent again. */
    NOW_FINAL,
    /** I in specimen, O order detail only, N not asked: no result yet. */
    NO_RESULT,
    /** X: the result cannot be obtained; an earlier (preliminary) value is withdrawn. */
    CANNOT_BE_OBTAINED,
    /** D: delete the result sent before. */
    DELETED,
    /** W: the result sent before was wrong (e.g. for the wrong patient). */
    WRONG;

    /** An empty OBX-11 is taken as final, as systems before 2.3 sent it. */
    static ResultStatus of(Fields obx) {
        String code = obx.get(11);
        if (code == null) {
            return RESULT;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "F", "C", "P", "R", "S" -> RESULT;
            case "U" -> NOW_FINAL;
            case "I", "O", "N" -> NO_RESULT;
            case "X" -> CANNOT_BE_OBTAINED;
            case "D" -> DELETED;
            case "W" -> WRONG;
            default -> throw new Hl7Rejection(ErrorCode.TABLE_VALUE_NOT_FOUND, obx.at(11, 0), "'" + code
                    + "' is not a result status (table 0085: F, C, P, R, S, U, I, O, N, X, D, W)");
        };
    }

    /**
     * The status the record keeps for OBX-11 (HL7's v2-to-FHIR map of table 0085): C corrected; P, R, S
     * preliminary; F, U and an empty field final; I, O registered; N, X cancelled; D, W entered in error.
     * Only called once {@link #of} has accepted the code.
     */
    static Observation.Status recorded(Fields obx) {
        String code = obx.get(11);
        return switch (code == null ? "F" : code.toUpperCase(Locale.ROOT)) {
            case "C" -> Observation.Status.CORRECTED;
            case "P", "R", "S" -> Observation.Status.PRELIMINARY;
            case "I", "O" -> Observation.Status.REGISTERED;
            case "N", "X" -> Observation.Status.CANCELLED;
            case "D", "W" -> Observation.Status.ENTERED_IN_ERROR;
            default -> Observation.Status.FINAL;
        };
    }

    /** What the record keeps in place of a withdrawn value; null for statuses that withdraw nothing. */
    String withdrawal() {
        return switch (this) {
            case CANNOT_BE_OBTAINED -> "result cannot be obtained (OBX-11 X)";
            case DELETED -> "result deleted by the sender (OBX-11 D)";
            case WRONG -> "result withdrawn as wrong by the sender (OBX-11 W)";
            default -> null;
        };
    }
}
