package org.custodian.privacy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with accounts: create them with a temporary password, change roles and
 * facilities, disable and enable, unlock, and reset a forgotten password; and what every user does
 * with their own password. Each change is a privilege change in the audit trail naming what changed.
 * Administrators cannot change their own roles or disable themselves: that takes a second administrator.
 * Every refusal is decided before anything is written, and commits with its own audit event.
 */
@Service
@Transactional(noRollbackFor = {PhiAccessDenied.class, IllegalArgumentException.class})
public class UserAdministration {
    private static final char[] READABLE = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int TEMPORARY_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final UserDirectory directory;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserAdministration(UserAccountRepository accounts, UserDirectory directory, PasswordEncoder passwords,
                       AuditTrail audit) {
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A password for an administrator to hand over; its owner must replace it at first sign-in. */
    public static String temporaryPassword() {
        StringBuilder password = new StringBuilder(TEMPORARY_LENGTH);
        for (int i = 0; i < TEMPORARY_LENGTH; i++) {
            password.append(READABLE[RANDOM.nextInt(READABLE.length)]);
        }
        return password.toString();
    }

    public List<UserSummary> list(CustodianUser admin) {
        requireAdministrator(admin, "list users");
        return directory.all();
    }

    public Optional<UserSummary> find(CustodianUser admin, String username) {
        requireAdministrator(admin, "view user " + username);
        return directory.find(username);
    }

    /** Creates the account with a temporary password its owner must change at first sign-in. */
    public UserSummary create(CustodianUser admin, NewUser user) {
        requireAdministrator(admin, "create user " + user.username());
        if (accounts.exists(user.username())) {
            throw new IllegalArgumentException("user name " + user.username() + " is already taken");
        }
        UUID id = UUID.randomUUID();
        String hash = passwords.encode(user.password());
        accounts.insert(id, user, hash);
        accounts.setPassword(id, hash, true);
        record(admin, user.username(), "created with roles " + names(user.roles()) + " at "
                + user.facilityIds().size() + " facilities; temporary password");
        return directory.find(user.username()).orElseThrow();
    }

    /**
     * Creates an account from the command line (the first administrator of a new installation):
     * the operator at the server's console is the actor, and the password is temporary as above.
     */
    public UserSummary createByOperator(NewUser user, String operator) {
        insertWithTemporaryPassword(user);
        audit.record(new AuditEntry(operator, "OPERATOR", AuditAction.PRIVILEGE_CHANGE, AuditOutcome.SUCCESS, null,
                "User", user.username(), "user " + user.username() + " created with roles " + names(user.roles())
                + " at " + user.facilityIds().size() + " facilities; temporary password", RequestOrigin.clientAddress()));
        return directory.find(user.username()).orElseThrow();
    }

    /** Changes name, roles and facilities; the caller signs the user out so the new grants apply at once. */
    public UserSummary change(CustodianUser admin, String username, UserChange change) {
        requireAdministrator(admin, "change user " + username);
        UserSummary before = existing(username);
        if (before.id().equals(admin.id()) && !before.roles().equals(change.roles())) {
            refuse(admin, username, "changing own roles");
            throw new IllegalArgumentException("you cannot change your own roles; ask another administrator");
        }
        accounts.change(before.id(), change);
        record(admin, username, describe(before, change));
        return directory.find(username).orElseThrow();
    }

    public void disable(CustodianUser admin, String username, String reason) {
        requireAdministrator(admin, "disable user " + username);
        UserSummary user = existing(username);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new IllegalArgumentException("give a reason for disabling the account (1-500 characters)");
        }
        if (user.id().equals(admin.id())) {
            refuse(admin, username, "disabling own account");
            throw new IllegalArgumentException("you cannot disable your own account; ask another administrator");
        }
        accounts.setEnabled(user.id(), false, why);
        record(admin, username, "disabled: " + why);
    }

    public void enable(CustodianUser admin, String username) {
        requireAdministrator(admin, "enable user " + username);
        accounts.setEnabled(existing(username).id(), true, null);
        record(admin, username, "enabled");
    }

    /** Lifts a lockout after repeated failed sign-ins before it runs out. */
    public void unlock(CustodianUser admin, String username) {
        requireAdministrator(admin, "unlock user " + username);
        accounts.unlock(existing(username).id());
        record(admin, username, "unlocked");
    }

    /** Sets a temporary password (and lifts any lockout); the owner must change it at next sign-in. */
    public void resetPassword(CustodianUser admin, String username, String temporaryPassword) {
        requireAdministrator(admin, "reset the password of " + username);
        NewUser.checkPassword(temporaryPassword);
        accounts.setPassword(existing(username).id(), passwords.encode(temporaryPassword), true);
        record(admin, username, "password reset to a temporary one");
    }

    /** The owner changes their own password, proving the current one. */
    public void changeOwnPassword(CustodianUser user, String current, String replacement) {
        CustodianUser stored = accounts.find(user.getUsername())
                .orElseThrow(() -> new IllegalArgumentException("no user " + user.getUsername()));
        if (current == null || !passwords.matches(current, stored.getPassword())) {
            audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                    AuditOutcome.FAILURE, null, "User", user.getUsername(), "own password change: current password wrong",
                    RequestOrigin.clientAddress()));
            throw new IllegalArgumentException("the current password is not right");
        }
        NewUser.checkPassword(replacement);
        if (replacement.equals(current)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        if (replacement.toLowerCase().contains(user.getUsername().toLowerCase())) {
            throw new IllegalArgumentException("the new password must not contain your user name");
        }
        accounts.setPassword(stored.id(), passwords.encode(replacement), false);
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                AuditOutcome.SUCCESS, null, "User", user.getUsername(), "own password changed",
                RequestOrigin.clientAddress()));
    }

    /** Whether the user signs in with a temporary password that must be replaced before anything else. */
    public boolean mustChangePassword(String username) {
        return accounts.mustChangePassword(username);
    }

    private void insertWithTemporaryPassword(NewUser user) {
        if (accounts.exists(user.username())) {
            throw new IllegalArgumentException("user name " + user.username() + " is already taken");
        }
        String hash = passwords.encode(user.password());
        UUID id = UUID.randomUUID();
        accounts.insert(id, user, hash);
        accounts.setPassword(id, hash, true);
    }

    private UserSummary existing(String username) {
        return directory.find(username == null ? "" : username.strip())
                .orElseThrow(() -> new IllegalArgumentException("no user named " + username));
    }

    private void requireAdministrator(CustodianUser admin, String what) {
        if (!admin.can(Permission.MANAGE_USERS)) {
            audit.record(new AuditEntry(admin.getUsername(), admin.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                    AuditOutcome.DENIED, null, "User", null, "denied: " + what + " needs " + Permission.MANAGE_USERS,
                    RequestOrigin.clientAddress()));
            throw new PhiAccessDenied("role " + admin.rolesText() + " does not allow " + Permission.MANAGE_USERS);
        }
    }

    private void refuse(CustodianUser admin, String username, String what) {
        audit.record(new AuditEntry(admin.getUsername(), admin.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                AuditOutcome.FAILURE, null, "User", username, "refused: " + what, RequestOrigin.clientAddress()));
    }

    private void record(CustodianUser admin, String username, String what) {
        audit.record(new AuditEntry(admin.getUsername(), admin.rolesText(), AuditAction.PRIVILEGE_CHANGE,
                AuditOutcome.SUCCESS, null, "User", username, "user " + username + " " + what,
                RequestOrigin.clientAddress()));
    }

    private static String describe(UserSummary before, UserChange after) {
        StringBuilder what = new StringBuilder("changed:");
        if (!before.displayName().equals(after.displayName())) {
            what.append(" name");
        }
        if (!before.roles().equals(after.roles())) {
            what.append(" roles ").append(names(before.roles())).append(" -> ").append(names(after.roles()));
        }
        Set<UUID> added = new TreeSet<>(after.facilityIds());
        added.removeAll(before.facilityIds());
        Set<UUID> removed = new TreeSet<>(before.facilityIds());
        removed.removeAll(after.facilityIds());
        if (!added.isEmpty() || !removed.isEmpty()) {
            what.append(" facilities +").append(added.size()).append(" -").append(removed.size());
            added.forEach(f -> what.append(" +").append(f));
            removed.forEach(f -> what.append(" -").append(f));
        }
        return what.toString().equals("changed:") ? "saved without changes" : what.toString();
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
