package org.custodian.privacy;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: identity, roles and the facilities whose patients they may see. */
public final class CustodianUser implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final Set<UUID> facilityIds;
    private final boolean enabled;
    private final Instant lockedUntil;
    private String passwordHash;

    CustodianUser(UUID id, String username, String displayName, String passwordHash, Set<Role> roles,
                  Set<UUID> facilityIds, boolean enabled, Instant lockedUntil) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = Set.copyOf(roles);
        this.facilityIds = Set.copyOf(facilityIds);
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<UUID> facilityIds() {
        return facilityIds;
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.has(permission));
    }

    /**
     * Whether the user works only in the training sandbox: a trainee's facilities are the training
     * facilities alone and they cannot declare emergency access to real records.
     */
    public boolean sandboxOnly() {
        return roles.contains(Role.TRAINEE);
    }

    /** Roles as the audit trail records them, e.g. "CODER,CLINICIAN". */
    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustodianUser u && u.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
