package org.custodian.privacy;

import java.time.Instant;
import java.util.UUID;

/** An event as stored in the audit trail, with its place in the chain. */
public record AuditEvent(long seq, Instant occurredAt, String username, String roles, AuditAction action,
                         AuditOutcome outcome, UUID patientId, String resourceType, String resourceId,
                         String detail, String clientAddress, String hash) {
}
