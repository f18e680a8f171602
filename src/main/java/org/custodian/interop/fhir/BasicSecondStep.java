package org.custodian.interop.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two-step sign-in for HTTP Basic on {@code /fhir}: an account that uses it (enrolled, or whose role
 * requires it) gets no data with a password alone. The authenticator code comes in
 * {@code X-Custodian-OTP} (or after the password, {@link OtpInPassword}) and is checked like the
 * UI's second step: audited, a code works once, wrong codes count towards the lockout. Else 401
 * with an OperationOutcome. Bearer tokens from {@code $token} were issued after both steps.
 */
final class BasicSecondStep extends OncePerRequestFilter {
    private final MultiFactor multiFactor;
    private final FhirSecurityConfig.Unauthorized unauthorized;

    BasicSecondStep(MultiFactor multiFactor, FhirSecurityConfig.Unauthorized unauthorized) {
        this.multiFactor = multiFactor;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || auth == null
                || !(auth.getPrincipal() instanceof CustodianUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = refusal(user, request.getHeader(OtpInPassword.HEADER));
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContextHolder.clearContext();
        unauthorized.write(response, refusal);
    }

    /** Why the request may not go on, or null when it may. */
    private String refusal(CustodianUser user, String code) {
        return switch (multiFactor.status(user)) {
            case NOT_REQUIRED -> null;
            case ENROLMENT_REQUIRED -> "your role requires two-step sign-in: set it up in the web UI (/mfa/enrol),"
                    + " then send the authenticator code in " + OtpInPassword.HEADER + " or get a token from $token";
            case ENROLLED -> {
                if (code == null || code.isBlank()) {
                    yield "this account uses two-step sign-in: send the 6-digit authenticator code in the "
                            + OtpInPassword.HEADER + " header (or after the password), or use a bearer token from $token";
                }
                yield switch (multiFactor.verify(user, code)) {
                    case MultiFactor.Check.Passed passed -> null;
                    case MultiFactor.Check.Wrong wrong -> "the authenticator code is wrong or was used already;"
                            + " a code works once: get a bearer token from $token with the next one";
                    case MultiFactor.Check.Locked locked -> "too many wrong codes: the account is locked for now";
                };
            }
        };
    }
}
