package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.custodian.privacy.MultiFactor;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * API clients sign in with HTTP Basic against the same accounts as the UI (lockout and sign-in
 * audit included), with the authenticator code as the second step for accounts that use two-step
 * sign-in ({@link BasicSecondStep}), credentials verified recently not hashed again ({@link RememberedBasicSignIn}),
 * or with a bearer token from {@code $token}; no session, no CSRF token (no cookies to forge). Only the CapabilityStatement
 * is public. Ordered before the UI's chain, which handles everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FhirSecurityConfig {
    static final String REALM = "Custodian FHIR";

    @Bean
    @Order(1)
    SecurityFilterChain fhirSecurity(HttpSecurity http, FhirContext fhir, ApiTokens tokens, MultiFactor multiFactor,
                                     UserDetailsService users, PasswordEncoder passwords,
                                     ApplicationEventPublisher events) throws Exception {
        Unauthorized unauthorized = (response, message) -> write(fhir, response, HttpServletResponse.SC_UNAUTHORIZED,
                IssueType.LOGIN, message);
        http.securityMatcher("/fhir/**")
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .addFilterBefore(new OtpInPassword(users, multiFactor, passwords), BasicAuthenticationFilter.class)
                .addFilterBefore(new RememberedBasicSignIn(new VerifiedBasicCredentials(users, passwords), events),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new BasicSecondStep(multiFactor, unauthorized), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(
                        (request, response, e) -> write(fhir, response, HttpServletResponse.SC_UNAUTHORIZED,
                                IssueType.LOGIN, "sign in with HTTP Basic (or a bearer token from $token) to use this API")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        (request, response, e) -> write(fhir, response, HttpServletResponse.SC_UNAUTHORIZED,
                                IssueType.LOGIN, "sign in with HTTP Basic (or a bearer token from $token) to use this API")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Answers a request that could not be signed in. */
    @FunctionalInterface
    interface Unauthorized {
        void write(HttpServletResponse response, String message) throws IOException;
    }

    private static void write(FhirContext fhir, HttpServletResponse response, int status, IssueType type,
                              String message) throws IOException {
        OperationOutcome outcome = FhirErrors.outcome(type, null, message);
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
    }
}
