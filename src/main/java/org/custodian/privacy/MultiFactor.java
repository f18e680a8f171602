package org.custodian.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.custodian.record.IdentifierCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP multi-factor authentication (ONC (d)(13)): enrolment with an authenticator app, ten one-use
 * recovery codes, the second step of sign-in, and the roles an administrator requires it for.
 * Secrets are sealed with the identifier key (outside the database); recovery codes are kept hashed.
 * Wrong codes count towards the account lockout like wrong passwords.
 */
@Service
public class MultiFactor {
    static final String ISSUER = "Custodian";
    static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final IdentifierCipher cipher;
    private final AuditTrail audit;
    private final UserAccountRepository users;
    private final SecurityProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    MultiFactor(JdbcClient jdbc, IdentifierCipher cipher, AuditTrail audit, UserAccountRepository users,
                SecurityProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.users = users;
        this.properties = properties;
    }

    public enum Status { NOT_REQUIRED, ENROLLED, ENROLMENT_REQUIRED }

    /** A secret being enrolled: shown once as text and as the otpauth URI an app scans from a QR code. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** The outcome of the second step of sign-in. */
    public sealed interface Check {
        record Passed(boolean usedRecoveryCode, int recoveryCodesLeft) implements Check {
        }

        record Wrong() implements Check {
        }

        record Locked() implements Check {
        }
    }

    @Transactional(readOnly = true)
    public Status status(CustodianUser user) {
        if (enrolled(user)) {
            return Status.ENROLLED;
        }
        return wasReset(user) || requiredRoles().stream().anyMatch(user.roles()::contains)
                ? Status.ENROLMENT_REQUIRED : Status.NOT_REQUIRED;
    }

    /** Starts (or restarts) enrolment with a fresh secret; a confirmed enrolment stays until the new one is confirmed. */
    @Transactional
    public Enrolment startEnrolment(CustodianUser user) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String text = Base32.encode(secret);
        jdbc.sql("DELETE FROM user_mfa WHERE user_id = :u AND confirmed_at IS NULL").param("u", user.id()).update();
        if (!enrolled(user)) {
            jdbc.sql("INSERT INTO user_mfa (user_id, secret_sealed) VALUES (:u, :s)")
                    .param("u", user.id()).param("s", cipher.encrypt(text)).update();
        } else {
            throw new IllegalArgumentException("two-step sign-in is already set up for " + user.getUsername());
        }
        String label = ISSUER + ":" + user.getUsername();
        return new Enrolment(text, "otpauth://totp/" + enc(label) + "?secret=" + text + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** Confirms enrolment with a code from the app; returns the recovery codes, shown only this once. */
    @Transactional
    public List<String> confirmEnrolment(CustodianUser user, String code) {
        List<byte[]> pending = jdbc.sql("SELECT secret_sealed FROM user_mfa WHERE user_id = :u AND confirmed_at IS NULL")
                .param("u", user.id()).query(byte[].class).list();
        if (pending.isEmpty()) {
            throw new IllegalArgumentException("start setting up two-step sign-in first");
        }
        byte[] secret = Base32.decode(cipher.decrypt(pending.getFirst()));
        OptionalLong step = Totp.verify(secret, normalise(code), clock.instant(), 0);
        if (step.isEmpty()) {
            throw new IllegalArgumentException("the code does not match; check the time on your phone and enter the current code");
        }
        jdbc.sql("UPDATE user_mfa SET confirmed_at = now(), last_used_step = :s WHERE user_id = :u")
                .param("s", step.getAsLong()).param("u", user.id()).update();
        List<String> codes = newRecoveryCodes(user);
        jdbc.sql("DELETE FROM mfa_reset WHERE user_id = :u").param("u", user.id()).update();
        record(user, AuditAction.PRIVILEGE_CHANGE, AuditOutcome.SUCCESS, "two-step sign-in enrolled");
        return codes;
    }

    /** The second step of sign-in: a current TOTP code, or an unused recovery code. */
    @Transactional
    public Check verify(CustodianUser user, String code) {
        return check(user, code, "second factor");
    }

    /**
     * An administrator resets another user's two-step sign-in (a lost phone): the authenticator
     * secret and the recovery codes are gone, and the user must enrol again at their next sign-in
     * (getting new recovery codes) whatever their role. Administrators reset their own with
     * {@link #resetOwn}, which needs their current factor.
     */
    @Transactional(noRollbackFor = PhiAccessDenied.class) // the refusal commits with its audit event
    public void resetByAdministrator(CustodianUser admin, String username, String reason) {
        if (!admin.can(Permission.MANAGE_USERS)) {
            audit.record(new AuditEntry(admin.getUsername(), admin.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                    AuditOutcome.DENIED, null, "User", username, "reset of two-step sign-in refused: role does not allow "
                    + Permission.MANAGE_USERS, RequestOrigin.clientAddress()));
            throw new PhiAccessDenied("role " + admin.rolesText() + " does not allow " + Permission.MANAGE_USERS);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new IllegalArgumentException("give the reason for the reset (up to 500 characters)");
        }
        CustodianUser target = users.find(username == null ? "" : username.strip())
                .orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
        if (target.id().equals(admin.id())) {
            throw new IllegalArgumentException("you cannot reset your own two-step sign-in here; "
                    + "reset it from your own two-step sign-in page with your current code");
        }
        boolean wasEnrolled = enrolled(target);
        clear(target, admin.getUsername(), why);
        audit.record(new AuditEntry(admin.getUsername(), admin.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                AuditOutcome.SUCCESS, null, "User", target.getUsername(), "two-step sign-in reset"
                + (wasEnrolled ? "" : " (was not enrolled)") + "; must enrol again at next sign-in; reason: " + why,
                RequestOrigin.clientAddress()));
    }

    /**
     * A user resets their own two-step sign-in (a new phone) by giving their current factor: a code
     * from the app or an unused recovery code. Wrong codes count towards lockout like at sign-in.
     */
    @Transactional
    public Check resetOwn(CustodianUser user, String currentCode) {
        Check check = check(user, currentCode, "reset of two-step sign-in");
        if (check instanceof Check.Passed) {
            clear(user, user.getUsername(), "reset by the user with their current factor");
            record(user, AuditAction.PRIVILEGE_CHANGE, AuditOutcome.SUCCESS,
                    "two-step sign-in reset by the user with their current factor; must enrol again");
        }
        return check;
    }

    private void clear(CustodianUser user, String by, String reason) {
        jdbc.sql("DELETE FROM user_mfa WHERE user_id = :u").param("u", user.id()).update();
        jdbc.sql("DELETE FROM user_recovery_code WHERE user_id = :u").param("u", user.id()).update();
        jdbc.sql("""
                INSERT INTO mfa_reset (user_id, reset_by, reason) VALUES (:u, :by, :r)
                ON CONFLICT (user_id) DO UPDATE SET reset_by = :by, reason = :r, reset_at = now()""")
                .param("u", user.id()).param("by", by).param("r", reason).update();
    }

    private boolean wasReset(CustodianUser user) {
        return jdbc.sql("SELECT count(*) FROM mfa_reset WHERE user_id = :u").param("u", user.id())
                .query(Integer.class).single() > 0;
    }

    /** A current TOTP code or an unused recovery code; {@code what} names the step in the audit trail. */
    private Check check(CustodianUser user, String code, String what) {
        String given = normalise(code);
        List<MfaRow> rows = jdbc.sql("SELECT secret_sealed, last_used_step FROM user_mfa WHERE user_id = :u "
                        + "AND confirmed_at IS NOT NULL FOR UPDATE").param("u", user.id())
                .query((rs, i) -> new MfaRow(rs.getBytes(1), rs.getLong(2))).list();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("two-step sign-in is not set up for " + user.getUsername());
        }
        MfaRow row = rows.getFirst();
        OptionalLong step = Totp.verify(Base32.decode(cipher.decrypt(row.sealed())), given, clock.instant(),
                row.lastUsedStep());
        if (step.isPresent()) {
            jdbc.sql("UPDATE user_mfa SET last_used_step = :s WHERE user_id = :u")
                    .param("s", step.getAsLong()).param("u", user.id()).update();
            users.recordSuccess(user.getUsername());
            record(user, AuditAction.LOGIN, AuditOutcome.SUCCESS, what + ": authenticator code");
            return new Check.Passed(false, recoveryCodesLeft(user));
        }
        int used = jdbc.sql("UPDATE user_recovery_code SET used_at = now() WHERE user_id = :u AND code_hash = :h "
                        + "AND used_at IS NULL").param("u", user.id()).param("h", hash(given)).update();
        if (used > 0) {
            users.recordSuccess(user.getUsername());
            int left = recoveryCodesLeft(user);
            record(user, AuditAction.LOGIN, AuditOutcome.SUCCESS, what + ": recovery code (" + left + " left)");
            return new Check.Passed(true, left);
        }
        int failures = users.recordFailure(user.getUsername(), properties.maxFailedLogins(),
                Instant.now().plus(properties.lockout()));
        boolean locked = failures >= properties.maxFailedLogins();
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE,
                null, null, null, "wrong code for " + what + (locked ? "; account locked for " + properties.lockout() : ""),
                RequestOrigin.clientAddress()));
        return locked ? new Check.Locked() : new Check.Wrong();
    }

    @Transactional(readOnly = true)
    public Set<Role> requiredRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM mfa_required_role").query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /** Sets exactly which roles must use two-step sign-in. Only administrators may. */
    @Transactional
    public void requireForRoles(CustodianUser admin, Set<Role> roles) {
        if (!admin.can(Permission.MANAGE_USERS)) {
            throw new PhiAccessDenied("role " + admin.rolesText() + " does not allow " + Permission.MANAGE_USERS);
        }
        Set<Role> before = requiredRoles();
        jdbc.sql("DELETE FROM mfa_required_role").update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO mfa_required_role (role, required_by) VALUES (:r, :by)")
                    .param("r", role.name()).param("by", admin.getUsername()).update();
        }
        audit.record(new AuditEntry(admin.getUsername(), admin.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                AuditOutcome.SUCCESS, null, "MfaPolicy", null, "two-step sign-in required for " + roles
                + " (was " + before + ")", RequestOrigin.clientAddress()));
    }

    private boolean enrolled(CustodianUser user) {
        return jdbc.sql("SELECT count(*) FROM user_mfa WHERE user_id = :u AND confirmed_at IS NOT NULL")
                .param("u", user.id()).query(Integer.class).single() > 0;
    }

    private List<String> newRecoveryCodes(CustodianUser user) {
        jdbc.sql("DELETE FROM user_recovery_code WHERE user_id = :u").param("u", user.id()).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] raw = new byte[6];
            random.nextBytes(raw);
            String code = Base32.encode(raw).substring(0, 10).toLowerCase(Locale.ROOT);
            String shown = code.substring(0, 5) + "-" + code.substring(5);
            codes.add(shown);
            jdbc.sql("INSERT INTO user_recovery_code (user_id, code_hash) VALUES (:u, :h)")
                    .param("u", user.id()).param("h", hash(normalise(shown))).update();
        }
        return codes;
    }

    private int recoveryCodesLeft(CustodianUser user) {
        return jdbc.sql("SELECT count(*) FROM user_recovery_code WHERE user_id = :u AND used_at IS NULL")
                .param("u", user.id()).query(Integer.class).single();
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, null, "User",
                user.getUsername(), detail, RequestOrigin.clientAddress()));
    }

    /** Codes are typed with spaces or dashes and in either case; compare them without. */
    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record MfaRow(byte[] sealed, long lastUsedStep) {
    }

}
