package org.custodian.quality;

import java.time.Instant;
import java.util.UUID;

/** A discharged chart in the HIM analyst's queue, with its completion status and open deficiencies. */
public record ChartToReview(UUID encounterId, UUID patientId, String patientName, String visitNumber, String facilityCode,
                            String encounterClass, Instant dischargeAt, String attendingName, int openDeficiencies,
                            long daysSinceDischarge, CompletionStatus status, String reviewedBy) {
    public boolean reviewed() {
        return reviewedBy != null;
    }
}
