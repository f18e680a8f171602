package org.custodian.privacy;

import java.util.Set;
import java.util.UUID;

/** What an administrator may change of an existing account: its name, roles and facilities. */
public record UserChange(String displayName, Set<Role> roles, Set<UUID> facilityIds) {
    public UserChange {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("display name must be 1-200 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        displayName = displayName.strip();
        roles = Set.copyOf(roles);
        facilityIds = facilityIds == null ? Set.of() : Set.copyOf(facilityIds);
    }
}
