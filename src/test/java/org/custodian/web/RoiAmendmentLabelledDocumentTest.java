package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.disclosure.Amendments;
import org.custodian.disclosure.NewAmendment;
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
 * An amendment request about a document whose sensitivity label keeps a release-of-information
 * specialist out: the amendment page and the queue show nothing of the document (no title, no link,
 * no requested change), the specialist may not decide it, and the withholding is audited; an HIM
 * director whose work the label allows sees and decides it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoiAmendmentLabelledDocumentTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Amendments amendments;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcTemplate jdbc;

    WebFixtures.Chart chart;
    String specialist;
    String director;
    String change;
    UUID amendment;

    @BeforeAll
    void world() {
        WebFixtures fixtures = WebFixtures.of(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Facility hospital = fixtures.hospital("RAL-" + run.toUpperCase());
        chart = fixtures.chart("Bea", "Amendlabel", LocalDate.of(1975, 3, 3), hospital, "RAL" + run);
        specialist = fixtures.user("ral.roi." + run, Role.ROI_SPECIALIST, hospital);
        director = fixtures.user("ral.director." + run, Role.HIM_DIRECTOR, hospital);
        String officer = fixtures.user("ral.officer." + run, Role.PRIVACY_OFFICER, hospital);
        change = "Correct the counselling history " + run;
        amendment = amendments.request(accounts.find(director).orElseThrow(), new NewAmendment(chart.id(),
                chart.dischargeSummary(), change, "It is wrong", LocalDate.now()));
        labels.label(accounts.find(officer).orElseThrow(), chart.id(), LabelTarget.DOCUMENT, chart.dischargeSummary(),
                SensitivityLabel.BEHAVIORAL_HEALTH);
    }

    @Test
    void theSpecialistSeesNothingOfTheDocumentAndMayNotDecideTheRequest() {
        WebSession session = WebSession.signedIn(port, specialist, PASSWORD);
        Page page = session.get("/roi/amendments/" + amendment);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"document-withheld\"", "Amendlabel")
                .doesNotContain("Discharge summary", chart.dischargeSummary().toString(), "/documents/", change,
                        "id=\"accept-form\"", "id=\"deny-form\"");
        Page queue = session.get("/roi");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("Withheld (sensitivity label)").doesNotContain("Discharge summary", change);

        Page accept = session.postWithToken("/roi/amendments/" + amendment + "/acceptance",
                Map.of("amendmentText", "Accepted by someone who cannot read it"));
        assertThat(accept.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT status FROM amendment WHERE id = ?", String.class, amendment))
                .isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED' AND resource_type = 'Amendment'
                   AND detail LIKE 'document % withheld: %'""", Integer.class, specialist)).isEqualTo(2);
    }

    @Test
    void aRequestCannotBeOpenedAgainstADocumentTheRequesterMayNotOpen() {
        WebSession session = WebSession.signedIn(port, specialist, PASSWORD);
        assertThat(session.get("/roi").status()).isEqualTo(200);
        Page created = session.postWithToken("/roi/amendments", Map.of("patient", chart.id().toString(),
                "document", chart.dischargeSummary().toString(), "requestedChange", "Anything",
                "reason", "Guessing", "receivedOn", LocalDate.now().toString()));
        assertThat(created.status()).isEqualTo(403);
        assertThat(created.body()).doesNotContain("Discharge summary");
    }

    @Test
    void theDirectorWhoseWorkTheLabelAllowsSeesTheDocumentAndItsRequest() {
        WebSession session = WebSession.signedIn(port, director, PASSWORD);
        Page page = session.get("/roi/amendments/" + amendment);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Discharge summary", change, "id=\"accept-form\"")
                .doesNotContain("id=\"document-withheld\"");
    }
}
