package org.custodian.mpi;

import java.util.Objects;

/** Who asked the MPI to change something, as the audit trail records it (a user or an interface). */
public record Actor(String username, String roles, String clientAddress) {
    public Actor {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? "" : roles;
    }

    public static Actor system(String name) {
        return new Actor(name, "SYSTEM", "local");
    }
}
