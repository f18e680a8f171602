package org.custodian.web;

import jakarta.servlet.DispatcherType;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.custodian.privacy.Permission;
import org.custodian.privacy.UserAdministration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.InvalidSessionStrategy;

/**
 * Form sign-in with Spring Security's defaults kept where they protect (CSRF on every form, a new
 * session id at sign-in, authentication events published for the audit trail), plus a
 * Content-Security-Policy that lets the browser run and style only what we serve ourselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String LOGIN = "/login";
    static final String EXPIRED = LOGIN + "?expired";

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, MultiFactor multiFactor, UserAdministration administration)
            throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // After signing in, go back to the page asked for, never to an htmx fragment of it.
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !Htmx.isPartial(request));

        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/healthz", LOGIN, "/css/**", "/js/**", "/webjars/**").permitAll()
                        .requestMatchers("/audit", "/audit/**").access(permitted(Permission.VIEW_AUDIT))
                        .requestMatchers("/analytics", "/analytics/**").access(permitted(Permission.VIEW_ANALYTICS))
                        .requestMatchers("/privacy", "/privacy/**").access(permitted(Permission.REVIEW_PRIVACY))
                        .requestMatchers(MfaPolicyController.PATH, MfaPolicyController.PATH + "/**").access(permitted(Permission.MANAGE_USERS))
                        .requestMatchers(AdminUserController.PATH, AdminUserController.PATH + "/**").access(permitted(Permission.MANAGE_USERS))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl(LOGIN + "?logout").permitAll())
                .addFilterAfter(new MfaGate(multiFactor), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeGate(administration), MfaGate.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .sessionManagement(session -> session.invalidSessionStrategy(redirect(EXPIRED)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInFirst())
                        .accessDeniedHandler(deniedPage()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions
                                .policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> permitted(Permission permission) {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() != null && authentication.get().getPrincipal() instanceof CustodianUser user
                        && user.can(permission));
    }

    /** Names the reason in the redirect, so the sign-in page can say what went wrong in plain words. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(
                request.getContextPath() + LOGIN + "?error=" + LoginProblem.of(exception).code());
    }

    private static AccessDeniedHandlerImpl deniedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage(ErrorPageController.DENIED);
        return handler;
    }

    /** htmx follows redirects inside the page; tell it to load the sign-in page as a whole page instead. */
    private static AuthenticationEntryPoint signInFirst() {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(LOGIN);
        return (request, response, exception) -> {
            if (Htmx.isPartial(request)) {
                Htmx.redirect(request, response, LOGIN);
            } else {
                page.commence(request, response, exception);
            }
        };
    }

    private static InvalidSessionStrategy redirect(String target) {
        return (request, response) -> {
            request.getSession(true);
            if (Htmx.isPartial(request)) {
                Htmx.redirect(request, response, target);
            } else {
                response.sendRedirect(request.getContextPath() + target);
            }
        };
    }
}
