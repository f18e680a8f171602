package org.custodian.privacy;

import java.util.Objects;
import java.util.UUID;

/** An event to append to the audit trail: who, in which role, did what to which patient's record, from where. */
public record AuditEntry(String username, String roles, AuditAction action, AuditOutcome outcome, UUID patientId,
                         String resourceType, String resourceId, String detail, String clientAddress) {
    static final int MAX_DETAIL = 2000;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        username = username == null || username.isBlank() ? "anonymous" : clip(username, 200);
        roles = roles == null ? "" : roles;
        detail = detail == null ? null : clip(detail, MAX_DETAIL);
        clientAddress = clientAddress == null ? "local" : clientAddress;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
