package org.custodian.privacy;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds user accounts; every change of who may do what is audited as a privilege change. */
@Service
public class UserAccounts {
    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserAccounts(UserAccountRepository users, PasswordEncoder passwords, AuditTrail audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    public CustodianUser create(NewUser user, String actor) {
        if (users.exists(user.username())) {
            throw new IllegalArgumentException("username " + user.username() + " is already taken");
        }
        UUID id = UUID.randomUUID();
        users.insert(id, user, passwords.encode(user.password()));
        auditChange(user, actor, "created with roles ");
        return users.find(user.username()).orElseThrow();
    }

    /** Creates the account, or resets an existing one to exactly these roles, facilities and password. */
    @Transactional
    public CustodianUser createOrReset(NewUser user, String actor) {
        Optional<CustodianUser> existing = users.find(user.username());
        if (existing.isEmpty()) {
            return create(user, actor);
        }
        users.reset(existing.get().id(), user, passwords.encode(user.password()));
        auditChange(user, actor, "reset with roles ");
        return users.find(user.username()).orElseThrow();
    }

    /**
     * Links the account to the practitioner it belongs to, so the access policy knows whom the user
     * treats (attending on an open encounter).
     */
    @Transactional
    public void linkPractitioner(String username, UUID practitionerId, String actor) {
        if (!users.linkPractitioner(username, practitionerId)) {
            throw new IllegalArgumentException("no user " + username);
        }
        audit.record(new AuditEntry(actor, "ADMIN", AuditAction.PRIVILEGE_CHANGE, AuditOutcome.SUCCESS, null,
                "User", username, "user " + username + " linked to practitioner " + practitionerId,
                RequestOrigin.clientAddress()));
    }

    public Optional<CustodianUser> find(String username) {
        return users.find(username);
    }

    /** The practitioner (physician) this user signs as, if linked: whose documentation queries they answer. */
    public Optional<UUID> practitionerOf(String username) {
        return users.practitionerOf(username);
    }

    private void auditChange(NewUser user, String actor, String what) {
        audit.record(new AuditEntry(actor, "ADMIN", AuditAction.PRIVILEGE_CHANGE, AuditOutcome.SUCCESS, null,
                "User", user.username(), "user " + user.username() + " " + what + user.roles()
                        + " at " + user.facilityIds().size() + " facilities", RequestOrigin.clientAddress()));
    }
}
