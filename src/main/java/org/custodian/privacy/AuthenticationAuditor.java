package org.custodian.privacy;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Audits every sign-in, failed sign-in and sign-out, and locks an account after repeated failures. */
@Component
class AuthenticationAuditor {
    private final AuditTrail audit;
    private final UserAccountRepository users;
    private final SecurityProperties properties;

    AuthenticationAuditor(AuditTrail audit, UserAccountRepository users, SecurityProperties properties) {
        this.audit = audit;
        this.users = users;
        this.properties = properties;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        users.recordSuccess(auth.getName());
        audit.record(new AuditEntry(auth.getName(), roles(auth), AuditAction.LOGIN, AuditOutcome.SUCCESS, null,
                null, null, null, address(auth)));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication auth = event.getAuthentication();
        String username = auth.getName();
        int failures = users.recordFailure(username, properties.maxFailedLogins(),
                Instant.now().plus(properties.lockout()));
        String detail = SignInFailure.describe(event.getException(), failures, properties.maxFailedLogins(),
                properties.lockout());
        audit.record(new AuditEntry(username, "", AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE, null,
                null, null, detail, address(auth)));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.record(new AuditEntry(auth.getName(), roles(auth), AuditAction.LOGOUT, AuditOutcome.SUCCESS, null,
                null, null, null, address(auth)));
    }

    private static String roles(Authentication auth) {
        return auth.getPrincipal() instanceof CustodianUser user ? user.rolesText() : "";
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : RequestOrigin.clientAddress();
    }
}
