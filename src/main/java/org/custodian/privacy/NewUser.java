package org.custodian.privacy;

import java.util.Set;
import java.util.UUID;

/** A user account to create. The password is checked here and hashed before it is stored. */
public record NewUser(String username, String displayName, String password, Set<Role> roles, Set<UUID> facilityIds) {
    public static final int MIN_PASSWORD = 12;

    public NewUser {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException(
                    "username must be 2-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("display name must be 1-200 characters");
        }
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        roles = Set.copyOf(roles);
        facilityIds = facilityIds == null ? Set.of() : Set.copyOf(facilityIds);
    }

    /** The password rule for every account: long enough to resist guessing, short enough to hash. */
    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new IllegalArgumentException("password must be " + MIN_PASSWORD + "-128 characters");
        }
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", roles=" + roles + ", facilities=" + facilityIds.size() + "]";
    }
}
