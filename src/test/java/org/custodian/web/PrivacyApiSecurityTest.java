package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;
import static org.custodian.web.WebSession.enc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.disclosure.Amendments;
import org.custodian.disclosure.NewAmendment;
import org.custodian.disclosure.NewRequest;
import org.custodian.disclosure.Purpose;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.disclosure.RequesterType;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web security cases the other tests leave out: guessing passwords over the FHIR API's HTTP
 * Basic locks the account as the sign-in form does; SQL in FHIR and audit-report searches is only
 * text; markup stored through the release-of-information and amendment screens is shown as text.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyApiSecurityTest {
    static final String SCRIPT = "<script>alert('roi')</script>";
    static final String SQL = "' OR '1'='1' --";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ReleaseRequests requests;
    @Autowired
    Amendments amendments;
    @Autowired
    JdbcTemplate jdbc;

    WebFixtures fixtures;
    Facility hospital;
    WebFixtures.Chart chart;
    String run;

    @BeforeAll
    void world() {
        fixtures = WebFixtures.of(context);
        run = UUID.randomUUID().toString().substring(0, 6);
        hospital = fixtures.hospital("PAS-" + run.toUpperCase());
        chart = fixtures.chart("Olive", "Apisecure", LocalDate.of(1966, 6, 6), hospital, "PAS" + run);
    }

    @Test
    void guessingPasswordsOverTheApiLocksTheAccountAndEachGuessIsAudited() {
        String user = fixtures.user("pas.guess." + run, Role.CODER, hospital);
        for (int i = 0; i < 5; i++) {
            assertThat(fhir(user, "wrong password " + i, "/fhir/Patient/" + chart.id()).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = fhir(user, PASSWORD, "/fhir/Patient/" + chart.id());
        assertThat(right.statusCode()).as("locked: even the right password is refused").isEqualTo(401);
        assertThat(right.body()).doesNotContain("Apisecure");
        assertThat(new WebSession(port).signIn(user, PASSWORD).location()).endsWith("/login?error=locked");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'LOGIN_FAILED'",
                Integer.class, user)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void sqlInApiAndAuditSearchesIsJustTextThatMatchesNothing() {
        String coder = fixtures.user("pas.coder." + run, Role.CODER, hospital);
        for (String query : new String[] {"name=", "family=", "identifier=", "identifier=urn:x%7C"}) {
            HttpResponse<String> found = fhir(coder, PASSWORD, "/fhir/Patient?" + query + enc(SQL));
            assertThat(found.statusCode()).as(query).isIn(200, 400);
            assertThat(found.body()).as(query).doesNotContain("\"resourceType\":\"Patient\"");
        }
        String auditor = fixtures.user("pas.auditor." + run, Role.AUDITOR);
        WebSession session = WebSession.signedIn(port, auditor, PASSWORD);
        Page report = session.get("/audit?user=" + enc(SQL));
        assertThat(report.status()).isIn(200, 400);
        assertThat(report.body()).doesNotContain("pas.coder." + run);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).as("the table is still there")
                .isPositive();
    }

    @Test
    void markupStoredThroughReleaseAndAmendmentScreensIsShownAsText() {
        String roi = fixtures.user("pas.roi." + run, Role.ROI_SPECIALIST, hospital);
        CustodianUser specialist = accounts.find(roi).orElseThrow();
        UUID request = requests.open(specialist, new NewRequest(chart.id(), RequesterType.ATTORNEY, "Counsel " + SCRIPT,
                "1 Main St " + SCRIPT, "Records " + SCRIPT, Purpose.LEGAL, LocalDate.now(), null, false));
        UUID amendment = amendments.request(specialist, new NewAmendment(chart.id(), chart.dischargeSummary(),
                "Change " + SCRIPT, "Because <img src=x onerror=alert(1)>", LocalDate.now()));
        WebSession session = WebSession.signedIn(port, roi, PASSWORD);
        for (String path : new String[] {"/roi", "/roi/" + request, "/roi/amendments/" + amendment}) {
            Page page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("&lt;script&gt;").doesNotContain(SCRIPT, "<img src=x");
        }
    }

    private HttpResponse<String> fhir(String username, String password, String path) {
        try {
            String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + basic).header("Accept", "application/fhir+json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
