package org.custodian.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A finding as stored: when it was first seen and last changed, and whether the data has been fixed since. */
public record StoredFinding(UUID id, Finding finding, FindingStatus status, Instant firstSeen, Instant changedAt,
                            Instant resolvedAt) {
    public long ageDays(Instant now) {
        return Duration.between(firstSeen, resolvedAt == null ? now : resolvedAt).toDays();
    }
}
