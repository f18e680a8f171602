package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
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
 * Sensitivity labels reach past the chart: patient search (web and FHIR) shows a labelled record
 * only to those the policy lets open it (others see a masked break-the-glass row on the web, nothing
 * over the API), and FHIR DocumentReference reads and searches count the document's own labels.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyLabelledSearchTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    String run;
    WebFixtures.Chart vip;
    WebFixtures.Chart partTwo;
    WebFixtures.Chart plain;
    String coder;
    String clinician;
    String officer;

    @BeforeAll
    void world() {
        WebFixtures fixtures = WebFixtures.of(context);
        run = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "q");
        Facility hospital = fixtures.hospital("PLS-" + run.toUpperCase());
        vip = fixtures.chart("Vera", "Famous" + run, LocalDate.of(1970, 3, 3), hospital, "PLSV" + run);
        partTwo = fixtures.chart("Paul", "Famous" + run + "two", LocalDate.of(1971, 4, 4), hospital, "PLSP" + run);
        plain = fixtures.chart("Nora", "Plainly" + run, LocalDate.of(1972, 5, 5), hospital, "PLSN" + run);
        coder = fixtures.user("pls.coder." + run, Role.CODER, hospital);
        clinician = fixtures.user("pls.clinician." + run, Role.CLINICIAN, hospital);
        officer = fixtures.user("pls.officer." + run, Role.PRIVACY_OFFICER, hospital);
        CustodianUser labeller = accounts.find(officer).orElseThrow();
        labels.label(labeller, vip.id(), LabelTarget.PATIENT, vip.id(), SensitivityLabel.VIP);
        labels.label(labeller, partTwo.id(), LabelTarget.PATIENT, partTwo.id(), SensitivityLabel.SUBSTANCE_USE_PART2);
        labels.label(labeller, plain.id(), LabelTarget.DOCUMENT, plain.dischargeSummary(), SensitivityLabel.HIV);
    }

    @Test
    void aCoderSeesLabelledPatientsOnlyAsMaskedRowsThatLeadToBreakTheGlass() {
        WebSession session = WebSession.signedIn(port, coder, PASSWORD);
        long before = lastSeq();
        Page results = session.get("/patients?name=Famous" + run);
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("Restricted record", "Emergency access")
                .doesNotContain("Vera", "Paul", "PLSV" + run, "PLSP" + run, "03/03/1970", "04/04/1971");
        assertThat(results.body()).contains("/patients/" + vip.id(), "/patients/" + partTwo.id());
        assertThat(searchDetails(coder, before)).anyMatch(d -> d.contains("0 results, 2 masked (break-the-glass only)"));

        Page chart = session.get("/patients/" + vip.id());
        assertThat(chart.status()).isEqualTo(403);
        assertThat(chart.body()).contains("break-glass").doesNotContain("Vera");
        session.postWithToken("/patients/" + vip.id() + "/break-glass", Map.of("reason", "Coding query on the stay"));
        assertThat(session.get("/patients?name=Famous" + run).body()).as("emergency access opens the row")
                .contains("Vera", "PLSV" + run).doesNotContain("Paul");
    }

    @Test
    void thePrivacyOfficerSeesTheVipButNotThePartTwoPatient() {
        Page results = WebSession.signedIn(port, officer, PASSWORD).get("/patients?name=Famous" + run);
        assertThat(results.body()).contains("Vera", "PLSV" + run, "Restricted record").doesNotContain("Paul");
    }

    @Test
    void anUnlabelledPatientIsAnOrdinaryRowForEveryone() {
        for (String user : new String[] {coder, clinician, officer}) {
            assertThat(WebSession.signedIn(port, user, PASSWORD).get("/patients?name=Plainly" + run).body())
                    .contains("Nora", "PLSN" + run).doesNotContain("Restricted record");
        }
    }

    @Test
    void fhirPatientSearchLeavesOutWhomTheCallerMayNotOpen() {
        assertThat(fhir(coder, "/fhir/Patient?family=Famous" + run).body()).contains("\"total\":0")
                .doesNotContain("\"family\":\"Famous", "Vera", "Paul");
        assertThat(fhir(officer, "/fhir/Patient?family=Famous" + run).body()).contains("\"total\":1", "Vera")
                .doesNotContain("Paul");
        assertThat(fhir(coder, "/fhir/Patient?family=Plainly" + run).body()).contains("\"family\":\"Plainly" + run);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE username = ? AND action = 'SEARCH'",
                String.class, coder)).anyMatch(d -> d.contains("family='Famous" + run + "'") && d.contains("2 withheld"));
    }

    @Test
    void fhirDocumentReferenceCountsTheDocumentsOwnLabelLikeTheWebChart() {
        String doc = "/fhir/DocumentReference/" + plain.dischargeSummary();
        HttpResponse<String> denied = fhir(clinician, doc);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("antibiotics");
        assertThat(WebSession.signedIn(port, clinician, PASSWORD)
                .get("/patients/" + plain.id() + "/documents/" + plain.dischargeSummary()).status())
                .as("the web says the same").isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED' "
                + "AND resource_type = 'DocumentReference' AND resource_id = ?", Integer.class, clinician,
                plain.dischargeSummary().toString())).isPositive();

        String search = fhir(clinician, "/fhir/DocumentReference?patient=" + plain.id()).body();
        assertThat(search).doesNotContain(plain.dischargeSummary().toString()).contains(plain.retractedNote().toString());

        HttpResponse<String> coded = fhir(coder, doc);
        assertThat(coded.statusCode()).as("HIV allows payment: the coder reads it").isEqualTo(200);
        assertThat(fhir(coder, "/fhir/DocumentReference?patient=" + plain.id()).body())
                .contains(plain.dischargeSummary().toString());
    }

    private java.util.List<String> searchDetails(String username, long after) {
        return jdbc.queryForList("SELECT detail FROM audit_event WHERE seq > ? AND username = ? AND action = 'SEARCH'",
                String.class, after, username);
    }

    private long lastSeq() {
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
    }

    private HttpResponse<String> fhir(String username, String path) {
        try {
            String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
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
