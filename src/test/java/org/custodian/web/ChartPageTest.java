package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The chart and document pages: what they show, what they hide, and who may see them. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartPageTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;

    WebFixtures.Chart chart;
    WebFixtures.Chart hostile;
    WebSession coder;
    String nursingHomeCoder;

    @BeforeAll
    void records() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("CHART-H");
        Facility nursingHome = fixtures.nursingHome("CHART-N");
        chart = fixtures.chart("Philippa", "Marchbanks", LocalDate.of(1948, 6, 21), hospital, "C-3001");
        hostile = fixtures.chart("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                LocalDate.of(1970, 1, 1), hospital, "C-3002");
        coder = WebSession.signedIn(port, fixtures.user("chart.coder", Role.CODER, hospital), PASSWORD);
        nursingHomeCoder = fixtures.user("chart.nhcoder", Role.CODER, nursingHome);
    }

    @Test
    void theChartShowsDemographicsIdentifiersEncountersProblemsLabsAndDocuments() {
        Page page = coder.get("/patients/" + chart.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(
                "Marchbanks", "Philippa", "06/21/1948", "Female", "12 Elm Street", "Worcester, MA 01608",
                "CHART-H General Hospital", "C-3001",
                "Inpatient", "Outpatient", "Grace Hopperton", "Discharged home", "Community-acquired pneumonia",
                "J18.9", "ICD-10-CM", "Pneumonia, unspecified organism", "Principal", "S93.401A", "Resolved",
                "BW03ZZZ", "Chest X-ray",
                "Sodium", "White blood cell count", "Potassium",
                "Discharge summary", "Final");
    }

    @Test
    void encountersAreListedNewestFirst() {
        String body = coder.get("/patients/" + chart.id()).body();
        int encounters = body.indexOf("id=\"encounters\"");
        assertThat(body.indexOf("IP-C-3001", encounters)).isLessThan(body.indexOf("OP-C-3001", encounters));
    }

    @Test
    void theSsnIsMaskedToItsLastFourDigits() {
        String body = coder.get("/patients/" + chart.id()).body();
        assertThat(body).contains("***-**-6789").doesNotContain(WebFixtures.SSN, "123456789");
    }

    @Test
    void abnormalLabsAreFlaggedInTextAndStyle() {
        String body = coder.get("/patients/" + chart.id()).body();
        assertThat(body).contains("abnormal flag-h", "title=\"High\">H</abbr>",
                "abnormal flag-ll", "title=\"Critically low\">LL</abbr>");
        String sodiumRow = body.substring(body.lastIndexOf("<tr", body.indexOf("Sodium")), body.indexOf("Sodium"));
        assertThat(sodiumRow).doesNotContain("abnormal");
    }

    @Test
    void markupInChartDataIsShownAsTextNotRun() {
        String body = coder.get("/patients/" + hostile.id()).body();
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(1)</script>", "<img src=x");
    }

    @Test
    void documentsEnteredInErrorAreHiddenUntilAskedFor() {
        String body = coder.get("/patients/" + chart.id()).body();
        assertThat(body).doesNotContain("Progress note (wrong patient)").contains("Show 1 document entered in error");
        String all = coder.get("/patients/" + chart.id() + "?retracted=true").body();
        assertThat(all).contains("Progress note (wrong patient)", "Entered in error");
    }

    @Test
    void aDocumentShowsItsCurrentVersionAndItsHistory() {
        String path = "/patients/" + chart.id() + "/documents/" + chart.dischargeSummary();
        Page current = coder.get(path);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body()).as("a note always names whose it is")
                .contains(chart.patient().family() + ", " + chart.patient().given());
        assertThat(current.body()).contains("Treated with antibiotics", "Version 2 (shown)", "2 of 2")
                .doesNotContain("Draft: admitted");
        Page first = coder.get(path + "?version=1");
        assertThat(first.body()).contains("Draft: admitted with fever and cough.", "an earlier version", "1 of 2");
    }

    @Test
    void aRetractedDocumentSaysItWasEnteredInError() {
        Page page = coder.get("/patients/" + chart.id() + "/documents/" + chart.retractedNote());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("entered in error", "filed on the wrong patient");
    }

    @Test
    void aMalformedOrUnknownIdIsNotFound() {
        for (String path : new String[] {
            "/patients/not-a-uuid", "/patients/" + UUID.randomUUID(), "/patients/12345",
            "/patients/" + chart.id() + "/documents/nope", "/patients/" + chart.id() + "/documents/" + UUID.randomUUID(),
            "/patients/" + chart.id() + "/documents/" + hostile.dischargeSummary(),
            "/patients/" + chart.id() + "/documents/" + chart.dischargeSummary() + "?version=9"}) {
            Page page = coder.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Not found").doesNotContain("Exception", "Marchbanks");
        }
    }

    @Test
    void aBadQueryParameterIsABadRequestNotAnError() {
        Page page = coder.get("/patients/" + chart.id() + "/documents/" + chart.dischargeSummary() + "?version=two");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("is not valid").doesNotContain("Exception");
    }

    @Test
    void aNursingHomeUserIsDeniedAHospitalPatientsChartAndTheDenialIsAudited() {
        WebSession session = WebSession.signedIn(port, nursingHomeCoder, PASSWORD);
        for (String path : new String[] {"/patients/" + chart.id(),
            "/patients/" + chart.id() + "/documents/" + chart.dischargeSummary()}) {
            Page page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("You do not have access to this patient&#39;s record")
                    .doesNotContain("Marchbanks", "Philippa", "Discharge summary", "C-3001");
        }
        var denials = audit.search(new AuditQuery(nursingHomeCoder, chart.id(), AuditAction.READ, null, null,
                null, false, 0, 10));
        assertThat(denials.events()).hasSize(2).allMatch(e -> e.outcome() == AuditOutcome.DENIED);
    }
}
