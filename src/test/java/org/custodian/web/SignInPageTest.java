package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Sign-in, sign-out, CSRF, session and security headers over real HTTP. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInPageTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    String coder;
    String auditor;
    String trainee;

    @BeforeAll
    void users() {
        WebFixtures fixtures = WebFixtures.of(context);
        var hospital = fixtures.hospital("SIGNIN-H");
        coder = fixtures.user("signin.coder", Role.CODER, hospital);
        auditor = fixtures.user("signin.auditor", Role.AUDITOR);
        trainee = fixtures.user("signin.trainee", Role.TRAINEE, hospital);
    }

    @Test
    void healthzAnswersOkWithoutSignIn() {
        Page health = new WebSession(port).get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");
    }

    @Test
    void pagesAskForSignInFirst() {
        Page patients = new WebSession(port).get("/patients");
        assertThat(patients.status()).isEqualTo(302);
        assertThat(patients.location()).endsWith("/login");
    }

    @Test
    void theRightPasswordOpensPatientSearchForACoder() {
        WebSession session = new WebSession(port);
        Page signedIn = session.signIn(coder, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        Page home = session.open(signedIn.location());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Patient search</h1>", "Signin coder", "HIT / coder",
                "SIGNIN-H General Hospital");
    }

    @Test
    void anAuditorWithoutPatientSearchStartsAtTheAuditReport() {
        WebSession session = WebSession.signedIn(port, auditor, PASSWORD);
        Page home = session.get("/");
        assertThat(home.location()).endsWith("/audit");
    }

    @Test
    void aTraineeStartsInTheTrainingArea() {
        WebSession session = WebSession.signedIn(port, trainee, PASSWORD);
        assertThat(session.get("/").location()).endsWith("/training");
        Page queue = session.open("/coding");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).as("no links to coding figures a trainee may not open")
                .doesNotContain("/coding/figures", "/coding/audits");
    }

    @Test
    void aWrongPasswordIsExplainedPlainly() {
        WebSession session = new WebSession(port);
        Page failed = session.signIn(coder, "not the password at all");
        assertThat(failed.location()).endsWith("/login?error=bad");
        Page page = session.get(failed.location());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The user name or password is not correct")
                .doesNotContain("Exception", "BadCredentials");
    }

    @Test
    void anUnknownUserGetsTheSameMessageAsAWrongPassword() {
        WebSession session = new WebSession(port);
        assertThat(session.signIn("signin.nobody", PASSWORD).location()).endsWith("/login?error=bad");
    }

    @Test
    void aLockedAccountIsToldItIsLocked() {
        String locked = WebFixtures.of(context).user("signin.locked", Role.CODER);
        for (int i = 0; i < 5; i++) {
            new WebSession(port).signIn(locked, "wrong password " + i);
        }
        WebSession session = new WebSession(port);
        Page attempt = session.signIn(locked, PASSWORD);
        assertThat(attempt.location()).endsWith("/login?error=locked");
        assertThat(session.get(attempt.location()).body()).contains("This account is locked");
    }

    @Test
    void signingInGivesANewSessionId() {
        WebSession session = new WebSession(port);
        session.get("/login");
        String before = session.sessionCookie();
        session.postWithToken("/login", Map.of("username", coder, "password", PASSWORD));
        assertThat(before).isNotNull();
        assertThat(session.sessionCookie()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() {
        WebSession session = new WebSession(port);
        session.get("/login");
        Page refused = session.post("/login", Map.of("username", coder, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired").doesNotContain("Exception");
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndThenEndsTheSession() {
        WebSession session = WebSession.signedIn(port, coder, PASSWORD);
        assertThat(session.get("/patients").body()).as("a page with the sign-out form").contains("_csrf");
        Page forged = session.post("/logout", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(session.get("/patients").status()).as("still signed in").isEqualTo(200);

        Page signedOut = session.postWithToken("/logout", Map.of());
        assertThat(signedOut.location()).endsWith("/login?logout");
        assertThat(session.get(signedOut.location()).body()).contains("You have signed out");
        assertThat(session.get("/patients").location()).contains("/login");
    }

    @Test
    void aRequestWithAnEndedSessionGoesToSignInWhichSaysTheSessionEnded() {
        WebSession session = new WebSession(port);
        String endedSession = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
        Page page = session.get("/patients", "Cookie", "SESSION=" + endedSession);
        assertThat(page.location()).endsWith("/login?expired");
        assertThat(session.get(page.location()).body()).contains("Your session ended");
    }

    @Test
    void aLiveSearchWithoutASessionLoadsTheSignInPageAsAWholePage() {
        Page page = new WebSession(port).get("/patients?name=Smith", "HX-Request", "true");
        assertThat(page.status()).isEqualTo(204);
        assertThat(page.header("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void pagesCarrySecurityHeadersAndNoInlineScript() {
        WebSession session = WebSession.signedIn(port, coder, PASSWORD);
        for (String path : new String[] {"/login", "/patients"}) {
            Page page = session.get(path);
            assertThat(page.header("Content-Security-Policy"))
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Cache-Control")).as("no PHI left in browser caches").contains("no-store");
            assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                    .doesNotContain("style=\"", " onclick=", " onload=");
        }
    }

    @Test
    void htmxAndTheStylesheetLoadWithoutSignIn() {
        WebSession session = new WebSession(port);
        Page htmx = session.get(StaticResources.HTMX_PATH);
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
        Page css = session.get("/css/custodian.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).contains("max-age");
    }

    @Test
    void anUnknownAddressIsANotFoundPage() {
        WebSession session = WebSession.signedIn(port, coder, PASSWORD);
        Page missing = session.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Not found", "Sign out");
    }
}
