package org.custodian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.UserAdministration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user who signed in with a temporary password (set by an administrator) reaches nothing but the
 * password page and sign-out until they choose their own. Asked once per session: the answer is kept
 * in the session, which every sign-in replaces.
 */
final class PasswordChangeGate extends OncePerRequestFilter {
    static final String CLEARED = PasswordChangeGate.class.getName() + ".cleared";

    private final UserAdministration administration;

    PasswordChangeGate(UserAdministration administration) {
        this.administration = administration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null || !(auth.getPrincipal() instanceof CustodianUser user) || exempt(request)
                || session != null && Boolean.TRUE.equals(session.getAttribute(CLEARED))) {
            chain.doFilter(request, response);
            return;
        }
        if (!administration.mustChangePassword(user.getUsername())) {
            request.getSession(true).setAttribute(CLEARED, Boolean.TRUE);
            chain.doFilter(request, response);
        } else if (Htmx.isPartial(request)) {
            Htmx.redirect(request, response, AccountPasswordController.PATH);
        } else {
            response.sendRedirect(request.getContextPath() + AccountPasswordController.PATH);
        }
    }

    private static boolean exempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(AccountPasswordController.PATH) || MfaGate.exempt(request);
    }

    /** After the user chose their own password: the gate opens for the rest of the session. */
    static void changed(HttpServletRequest request) {
        request.getSession(true).setAttribute(CLEARED, Boolean.TRUE);
    }
}
