package org.custodian.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {
    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CustodianUser> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                    Set<Role> roles = roles(id);
                    return new CustodianUser(id, rs.getString("username"), rs.getString("display_name"),
                            rs.getString("password_hash"), roles, facilities(id, roles), rs.getBoolean("enabled"),
                            locked == null ? null : locked.toInstant());
                }).optional();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    void insert(UUID id, NewUser user, String passwordHash) {
        jdbc.sql("INSERT INTO app_user (id, username, display_name, password_hash) VALUES (:id, :u, :d, :p)")
                .param("id", id).param("u", user.username()).param("d", user.displayName())
                .param("p", passwordHash).update();
        replaceGrants(id, user.roles(), user.facilityIds());
    }

    void reset(UUID id, NewUser user, String passwordHash) {
        jdbc.sql("""
                UPDATE app_user SET display_name = :d, password_hash = :p, failed_logins = 0, locked_until = NULL,
                       enabled = true WHERE id = :id""")
                .param("id", id).param("d", user.displayName()).param("p", passwordHash).update();
        replaceGrants(id, user.roles(), user.facilityIds());
    }

    void change(UUID id, UserChange change) {
        jdbc.sql("UPDATE app_user SET display_name = :d WHERE id = :id").param("id", id)
                .param("d", change.displayName()).update();
        replaceGrants(id, change.roles(), change.facilityIds());
    }

    void setEnabled(UUID id, boolean enabled, String reason) {
        jdbc.sql("UPDATE app_user SET enabled = :e, disabled_reason = :r WHERE id = :id")
                .param("id", id).param("e", enabled).param("r", enabled ? null : reason).update();
    }

    void unlock(UUID id) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
    }

    /** A new password hash; {@code mustChange} makes it temporary (set by someone other than its owner). */
    void setPassword(UUID id, String hash, boolean mustChange) {
        jdbc.sql("""
                UPDATE app_user SET password_hash = :h, password_must_change = :m, password_changed_at = now(),
                       failed_logins = 0, locked_until = NULL WHERE id = :id""")
                .param("id", id).param("h", hash).param("m", mustChange).update();
    }

    boolean mustChangePassword(String username) {
        return jdbc.sql("SELECT password_must_change FROM app_user WHERE username = :u").param("u", username)
                .query(Boolean.class).optional().orElse(false);
    }

    private void replaceGrants(UUID id, Set<Role> roles, Set<UUID> facilityIds) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM user_facility WHERE user_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :r)").param("id", id)
                    .param("r", role.name()).update();
        }
        for (UUID facility : facilityIds) {
            jdbc.sql("INSERT INTO user_facility (user_id, facility_id) VALUES (:id, :f)").param("id", id)
                    .param("f", facility).update();
        }
    }

    /** Counts a failed login and locks the account once the count reaches the limit. */
    int recordFailure(String username, int maxFailures, Instant lockUntil) {
        return jdbc.sql("""
                UPDATE app_user SET failed_logins = failed_logins + 1,
                       locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END
                 WHERE username = :u RETURNING failed_logins""")
                .param("u", username).param("max", maxFailures).param("until", Timestamp.from(lockUntil))
                .query(Integer.class).optional().orElse(0);
    }

    void recordSuccess(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = :u AND failed_logins > 0")
                .param("u", username).update();
    }

    Optional<UUID> practitionerOf(String username) {
        return jdbc.sql("SELECT practitioner_id FROM app_user WHERE username = :u AND practitioner_id IS NOT NULL")
                .param("u", username).query(UUID.class).optional();
    }

    boolean linkPractitioner(String username, UUID practitionerId) {
        return jdbc.sql("UPDATE app_user SET practitioner_id = :p WHERE username = :u")
                .param("p", practitionerId).param("u", username).update() == 1;
    }

    private Set<Role> roles(UUID id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_id = :id").param("id", id).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /**
     * A trainee's scope is the training sandbox, whatever memberships the account lists: every
     * facility of type TRAINING and nothing else, so no real record is ever within their reach.
     */
    private Set<UUID> facilities(UUID id, Set<Role> roles) {
        if (roles.contains(Role.TRAINEE)) {
            return new HashSet<>(jdbc.sql("SELECT id FROM facility WHERE type = 'TRAINING'").query(UUID.class).list());
        }
        return new HashSet<>(jdbc.sql("SELECT facility_id FROM user_facility WHERE user_id = :id").param("id", id)
                .query(UUID.class).list());
    }
}
