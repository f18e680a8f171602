package org.custodian.interop.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic credentials already verified with the password hash (bcrypt, deliberately slow: tens of
 * milliseconds per request), remembered for a few minutes so an API client's next requests cost a
 * SHA-256 and one read of the account instead. An entry is kept as the SHA-256 of the user name and
 * password, never the password, next to the stored hash it was verified against: a changed password
 * (a new hash) no longer matches, and the account is read afresh on every use, so a locked, disabled
 * or changed account is decided as it is now. Accounts with two-step sign-in are not remembered
 * (their requests carry a new code each time and go the whole way).
 */
final class VerifiedBasicCredentials {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(String passwordHash, Instant until) {
    }

    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedBasicCredentials(UserDetailsService users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /** The account, read now, when these credentials were verified against its current password hash. */
    Optional<CustodianUser> user(String username, String password) {
        String key = key(username, password);
        Verified entry = verified.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.until().isBefore(Instant.now())) {
            verified.remove(key, entry);
            return Optional.empty();
        }
        return current(username).filter(user -> entry.passwordHash().equals(user.getPassword())
                && user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired()
                && user.isCredentialsNonExpired());
    }

    /**
     * Verifies the credentials with the password hash, as sign-in does, and remembers them when they match.
     * Only for an account whose sign-in just succeeded.
     */
    void remember(String username, String password) {
        current(username).filter(user -> passwords.matches(password, user.getPassword())).ifPresent(user -> {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key(username, password), new Verified(user.getPassword(), Instant.now().plus(LIFETIME)));
        });
    }

    private Optional<CustodianUser> current(String username) {
        try {
            return users.loadUserByUsername(username) instanceof CustodianUser user && user.getPassword() != null
                    ? Optional.of(user) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String key(String username, String password) {
        return ApiTokens.sha256(username + '\u0000' + password);
    }
}
