package org.custodian.privacy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One account as an administrator sees it: who, what they may do and where, and whether they can
 * sign in now. Never carries the password hash or the second-factor secret.
 */
public record UserSummary(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> facilityIds,
                          boolean enabled, String disabledReason, Instant lockedUntil, boolean mustChangePassword,
                          boolean secondFactorEnrolled, Instant createdAt, Instant passwordChangedAt) {
    public UserSummary {
        roles = Set.copyOf(roles);
        facilityIds = Set.copyOf(facilityIds);
    }

    /** Locked out after repeated failed sign-ins, and the lock has not run out yet. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
