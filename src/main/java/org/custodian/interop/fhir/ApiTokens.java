package org.custodian.interop.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.CustodianUserDetailsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens for API clients: 256 random bits, handed out once, kept only as their SHA-256. A
 * request with a token costs one hash and, once a minute per token, one look-up of the token and
 * its user (so a locked or disabled account, or a token revoked in the table, stops working within a minute) —
 * not a bcrypt per request as HTTP Basic does.
 */
@Repository
class ApiTokens {
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration RECHECK = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as handed out: the secret and when it expires. */
    record Issued(String token, Instant expiresAt) {
    }

    private record Checked(CustodianUser user, Instant until) {
    }

    private final JdbcClient jdbc;
    private final CustodianUserDetailsService users;
    private final Map<String, Checked> recent = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, CustodianUserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    Issued issue(CustodianUser user, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = Instant.now().plus(LIFETIME);
        jdbc.sql("INSERT INTO api_token (token_sha256, username, label, expires_at) VALUES (:h, :u, :l, :e)")
                .param("h", sha256(token)).param("u", user.getUsername()).param("l", label)
                .param("e", Timestamp.from(expires)).update();
        return new Issued(token, expires);
    }

    /** The user a token stands for, while it is unexpired, unrevoked and the account may sign in. */
    Optional<CustodianUser> user(String token) {
        String hash = sha256(token);
        Checked checked = recent.get(hash);
        Instant now = Instant.now();
        if (checked != null && checked.until().isAfter(now)) {
            return Optional.of(checked.user());
        }
        recent.remove(hash);
        Optional<String> username = jdbc.sql("""
                SELECT username FROM api_token WHERE token_sha256 = :h AND revoked_at IS NULL AND expires_at > now()""")
                .param("h", hash).query(String.class).optional();
        Optional<CustodianUser> user = username.map(users::loadUserByUsername)
                .filter(u -> u instanceof CustodianUser c && c.isEnabled() && c.isAccountNonLocked())
                .map(CustodianUser.class::cast);
        user.ifPresent(u -> recent.put(hash, new Checked(u, now.plus(RECHECK))));
        return user;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
