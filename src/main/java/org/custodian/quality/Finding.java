package org.custodian.quality;

import java.util.Objects;
import java.util.UUID;

/**
 * One problem a rule found. {@code subject} names what it is about (e.g. a document id), so the
 * same problem found again is the same finding; {@code responsibleId} is the practitioner who must
 * fix it, when a person must (a deficiency), else null. {@code patientId} is null only for a finding
 * about something filed to no chart yet (a scanned document waiting to be indexed).
 */
public record Finding(String ruleId, Category category, Severity severity, UUID patientId, UUID encounterId,
                      UUID documentId, UUID facilityId, UUID responsibleId, String subject, String location,
                      String message) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
