package org.custodian.quality;

import java.time.Instant;
import java.util.UUID;

/** An in-app notice to a physician about an open deficiency; level 2 and up are escalations. */
public record Notification(UUID id, UUID practitionerId, UUID findingId, int level, String message, Instant sentAt,
                           Instant readAt) {
    public boolean escalated() {
        return level > 1;
    }
}
