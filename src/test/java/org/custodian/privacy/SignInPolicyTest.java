package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Sign-in over real HTTP: lockout after repeated failures, automatic log-off when idle, all audited. */
@IntegrationTest
@TestPropertySource(properties = {"custodian.security.idle-timeout=3s", "custodian.security.max-failed-logins=3"})
class SignInPolicyTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditTrail audit;

    @Test
    void anAccountLocksAfterRepeatedFailuresEvenForTheRightPasswordAndEachFailureIsAudited() throws Exception {
        accounts.create(new NewUser("locky", "Locky", "the right password", Set.of(Role.CODER), Set.of()), "test");
        for (int i = 0; i < 3; i++) {
            assertThat(new Browser().signIn("locky", "a wrong password")).contains("/login?error");
        }
        assertThat(new Browser().signIn("locky", "the right password")).contains("/login?error=locked");
        var failures = audit.search(new AuditQuery("locky", null, AuditAction.LOGIN_FAILED, null, null, null, false, 0, 10));
        assertThat(failures.total()).isEqualTo(4);
        assertThat(failures.events()).extracting(AuditEvent::detail).containsExactly(
                "account locked",
                "wrong password (3 in a row); account locked for 15 min",
                "wrong password (2 of 3 before the account locks)",
                "wrong password (1 of 3 before the account locks)");
    }

    @Test
    void aFailedSignInWithAnUnknownUserNameIsAuditedAsSuch() throws Exception {
        String nobody = "nobody-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(new Browser().signIn(nobody, "guess")).contains("/login?error=bad");
        var failures = audit.search(new AuditQuery(nobody, null, AuditAction.LOGIN_FAILED, null, null, null, false, 0, 10));
        assertThat(failures.events()).extracting(AuditEvent::detail).containsExactly("no account with this user name");
    }

    @Test
    void anIdleSessionIsLoggedOff() throws Exception {
        accounts.create(new NewUser("sleepy", "Sleepy", "the right password", Set.of(Role.CODER), Set.of()), "test");
        Browser browser = new Browser();
        assertThat(browser.signIn("sleepy", "the right password")).doesNotContain("/login");
        assertThat(browser.get("/patients").statusCode()).isEqualTo(200);
        Thread.sleep(4500);
        HttpResponse<String> afterIdle = browser.get("/patients");
        assertThat(afterIdle.statusCode()).isEqualTo(302);
        assertThat(afterIdle.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(audit.search(new AuditQuery("sleepy", null, AuditAction.LOGIN, null, null, null, false, 0, 10))
                .total()).isEqualTo(1);
    }

    /** A cookie-keeping client that does not follow redirects, like a browser one step at a time. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        String signIn(String user, String password) throws Exception {
            Matcher token = CSRF.matcher(get("/login").body());
            assertThat(token.find()).as("login page has a CSRF token").isTrue();
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return response.headers().firstValue("Location").orElse("");
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
