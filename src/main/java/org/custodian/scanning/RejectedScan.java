package org.custodian.scanning;

import java.time.Instant;
import java.util.UUID;

/**
 * A file refused at intake, kept as received: its name, the type its sender declared, size, hash
 * (when it was read whole) and why it was refused.
 */
public record RejectedScan(UUID id, String originalName, String declaredType, long sizeBytes, String sha256,
                           String reason, UUID facilityId, String receivedBy, Instant receivedAt) {
}
