package org.custodian.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts as administrators list them; sign-in reads and every change writes through {@link UserAccountRepository}. */
@Repository
class UserDirectory {
    private static final String SUMMARY = """
            SELECT u.id, u.username, u.display_name, u.enabled, u.disabled_reason, u.locked_until,
                   u.password_must_change, u.created_at, u.password_changed_at,
                   EXISTS (SELECT 1 FROM user_mfa m WHERE m.user_id = u.id AND m.confirmed_at IS NOT NULL) AS mfa,
                   coalesce((SELECT string_agg(r.role, ',') FROM user_role r WHERE r.user_id = u.id), '') AS roles,
                   coalesce((SELECT string_agg(f.facility_id::text, ',') FROM user_facility f
                              WHERE f.user_id = u.id), '') AS facilities
              FROM app_user u
            """;

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UserSummary> all() {
        return jdbc.sql(SUMMARY + " ORDER BY u.username").query(UserDirectory::summary).list();
    }

    Optional<UserSummary> find(String username) {
        return jdbc.sql(SUMMARY + " WHERE u.username = :u").param("u", username)
                .query(UserDirectory::summary).optional();
    }

    private static UserSummary summary(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        split(rs.getString("roles")).forEach(r -> roles.add(Role.valueOf(r)));
        Set<UUID> facilities = split(rs.getString("facilities")).stream().map(UUID::fromString)
                .collect(Collectors.toCollection(HashSet::new));
        return new UserSummary(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                roles, facilities, rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                instant(rs, "locked_until"), rs.getBoolean("password_must_change"), rs.getBoolean("mfa"),
                instant(rs, "created_at"), instant(rs, "password_changed_at"));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
