package org.custodian.interop.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an HTTP Basic client that cannot send headers of its own type the authenticator code after
 * the password ({@code password123456}): for an account with two-step sign-in whose password that
 * whole text is not, the last six digits become the {@code X-Custodian-OTP} header and Basic sees the
 * password alone. Runs before Basic authentication; {@link BasicSecondStep} then checks the code.
 */
final class OtpInPassword extends OncePerRequestFilter {
    static final String HEADER = "X-Custodian-OTP";
    private static final Pattern TRAILING_CODE = Pattern.compile("(.+?)(\\d{6})");

    private final UserDetailsService users;
    private final MultiFactor multiFactor;
    private final PasswordEncoder passwords;

    OtpInPassword(UserDetailsService users, MultiFactor multiFactor, PasswordEncoder passwords) {
        this.users = users;
        this.multiFactor = multiFactor;
        this.passwords = passwords;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || request.getHeader(HEADER) != null) {
            chain.doFilter(request, response);
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            chain.doFilter(request, response); // Basic authentication answers malformed credentials
            return;
        }
        int colon = decoded.indexOf(':');
        var split = colon < 0 ? null : TRAILING_CODE.matcher(decoded.substring(colon + 1));
        if (split == null || !split.matches() || !usesSecondFactor(decoded.substring(0, colon), split.group(0))) {
            chain.doFilter(request, response);
            return;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((decoded.substring(0, colon + 1) + split.group(1))
                .getBytes(StandardCharsets.UTF_8));
        chain.doFilter(new Rewritten(request, basic, split.group(2)), response);
    }

    /** An enrolled account whose password is not the whole text typed. */
    private boolean usesSecondFactor(String username, String typed) {
        try {
            return users.loadUserByUsername(username) instanceof CustodianUser user
                    && multiFactor.status(user) == MultiFactor.Status.ENROLLED
                    && !passwords.matches(typed, user.getPassword());
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** The request with the password alone in Authorization and the code in its own header. */
    private static final class Rewritten extends HttpServletRequestWrapper {
        private final String authorization;
        private final String code;

        Rewritten(HttpServletRequest request, String authorization, String code) {
            super(request);
            this.authorization = authorization;
            this.code = code;
        }

        @Override
        public String getHeader(String name) {
            if ("Authorization".equalsIgnoreCase(name)) {
                return authorization;
            }
            return HEADER.equalsIgnoreCase(name) ? code : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? super.getHeaders(name) : Collections.enumeration(java.util.List.of(value));
        }
    }
}
