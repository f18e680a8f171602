package org.custodian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of sign-in: a user who has set up two-step sign-in (or whose role requires it)
 * reaches nothing but the two-step pages and sign-out until they pass it. The outcome is kept in
 * the session, which a new sign-in always replaces.
 */
final class MfaGate extends OncePerRequestFilter {
    static final String PASSED = MfaGate.class.getName() + ".passed";
    static final String VERIFY = "/mfa/verify";
    static final String ENROL = "/mfa/enrol";
    static final String RESET = "/mfa/reset";

    private final MultiFactor multiFactor;

    MfaGate(MultiFactor multiFactor) {
        this.multiFactor = multiFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CustodianUser user) || exempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(PASSED))) {
            chain.doFilter(request, response);
            return;
        }
        String target = switch (multiFactor.status(user)) {
            case NOT_REQUIRED -> null;
            case ENROLLED -> VERIFY;
            case ENROLMENT_REQUIRED -> ENROL;
        };
        if (target == null) {
            request.getSession(true).setAttribute(PASSED, Boolean.TRUE);
            chain.doFilter(request, response);
        } else if (Htmx.isPartial(request)) {
            Htmx.redirect(request, response, target);
        } else {
            response.sendRedirect(request.getContextPath() + target);
        }
    }

    /** Pages every signed-in user reaches before any gate opens: the two-step pages, sign-out, assets, errors. */
    static boolean exempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/mfa/") || path.equals("/logout") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/error")
                || path.equals(ErrorPageController.DENIED) || path.equals("/healthz");
    }

    /** After the second step passes: a new session id (like sign-in) and the gate open. */
    static void passed(HttpServletRequest request) {
        request.changeSessionId();
        request.getSession().setAttribute(PASSED, Boolean.TRUE);
    }
}
