package org.custodian.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Signs a user out of every browser they are signed in on, so a change to their account (roles,
 * facilities, disabling, a reset factor) applies at once rather than when their session ends.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // sessions exist only when serving
class UserSessions {
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Returns how many sessions were ended. */
    int signOutEverywhere(String username) {
        var open = sessions.findByPrincipalName(username.strip()).keySet();
        open.forEach(sessions::deleteById);
        return open.size();
    }
}
