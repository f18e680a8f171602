package org.custodian.quality;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing a physician must do to complete a chart: sign a document, or write (dictate) a missing
 * one. {@code delinquent} once the record is incomplete past the delinquency deadline.
 */
public record Deficiency(UUID findingId, String ruleId, UUID patientId, String patientName, UUID encounterId,
                         String visitNumber, String facilityCode, Instant dischargeAt, UUID documentId,
                         UUID responsibleId, String responsibleName, String location, String message, Instant firstSeen,
                         long daysOpen, boolean delinquent) {

    public String action() {
        return switch (ruleId) {
            case "DOCUMENT_UNSIGNED" -> "Sign";
            case "DISCHARGE_SUMMARY_MISSING" -> "Dictate discharge summary";
            case "HP_MISSING" -> "Complete history and physical";
            default -> "Complete";
        };
    }

    public boolean signable() {
        return ruleId.equals("DOCUMENT_UNSIGNED") && documentId != null;
    }
}
