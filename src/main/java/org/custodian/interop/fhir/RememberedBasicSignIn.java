package org.custodian.interop.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.custodian.privacy.CustodianUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an HTTP Basic request in by credentials verified recently ({@link VerifiedBasicCredentials})
 * instead of a password hash per request, and remembers the credentials of a request that Basic
 * authentication signed in. A remembered sign-in is announced as Basic's is (the sign-in is audited
 * and clears failed attempts), and the second step ({@link BasicSecondStep}) still runs after it.
 * Requests carrying an authenticator code go the whole way. Runs just before Basic authentication,
 * which then finds the request signed in and leaves it.
 */
final class RememberedBasicSignIn extends OncePerRequestFilter {
    private final VerifiedBasicCredentials credentials;
    private final ApplicationEventPublisher events;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    RememberedBasicSignIn(VerifiedBasicCredentials credentials, ApplicationEventPublisher events) {
        this.credentials = credentials;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] basic = basic(request);
        if (basic == null) {
            chain.doFilter(request, response);
            return;
        }
        var remembered = credentials.user(basic[0], basic[1]);
        if (remembered.isPresent()) {
            CustodianUser user = remembered.get();
            var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            auth.setDetails(details.buildDetails(request));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            events.publishEvent(new AuthenticationSuccessEvent(auth));
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, response);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && signedIn.getPrincipal() instanceof CustodianUser user
                && user.getUsername().equals(basic[0])) {
            credentials.remember(basic[0], basic[1]);
        }
    }

    /** User name and password of a Basic request without an authenticator code, or null. */
    private static String[] basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)
                || request.getHeader(OtpInPassword.HEADER) != null) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
