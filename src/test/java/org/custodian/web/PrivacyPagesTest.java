package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.IntegrationTest;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The denial page explains itself; break-the-glass opens the chart and lands in the privacy officer's queue. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    UserAccounts accounts;

    WebFixtures.Chart vip;
    WebFixtures.Chart relative;
    WebFixtures.Chart plain;
    String clinician;
    String officer;
    String auditor;

    @BeforeAll
    void world() {
        WebFixtures fixtures = WebFixtures.of(context);
        var hospital = fixtures.hospital("PRIV-H");
        vip = fixtures.chart("Vera", "Famousperson", LocalDate.of(1970, 5, 5), hospital, "PV1");
        relative = fixtures.chart("Rita", "Kinsman", LocalDate.of(1971, 6, 6), hospital, "PV2");
        plain = fixtures.chart("Pam", "Plainrecord", LocalDate.of(1972, 7, 7), hospital, "PV3");
        clinician = fixtures.user("priv.clinician", Role.CLINICIAN, hospital);
        officer = fixtures.user("priv.officer", Role.PRIVACY_OFFICER, hospital);
        auditor = fixtures.user("priv.auditor", Role.AUDITOR, hospital);
        fixtures.user("dora.kinsman", Role.CODER, hospital);
        labels.label(accounts.find(officer).orElseThrow(), vip.id(), LabelTarget.PATIENT, vip.id(), SensitivityLabel.VIP);
    }

    @Test
    void aDeniedUserSeesWhyAndMayDeclareAnEmergencyWhichTheOfficerThenReviews() {
        WebSession session = WebSession.signedIn(port, clinician, PASSWORD);
        Page denied = session.get("/patients/" + vip.id());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("Why", "member of PRIV-H", "sensitivity label", "Emergency access")
                .doesNotContain("Famousperson", "VIP patient", "Exception");

        Page tooShort = session.postWithToken("/patients/" + vip.id() + "/break-glass", Map.of("reason", "x"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(session.get("/patients/" + vip.id()).status()).isEqualTo(403);
        Page declared = session.postWithToken("/patients/" + vip.id() + "/break-glass",
                Map.of("reason", "Arrived unconscious in the ED"));
        assertThat(declared.location()).endsWith("/patients/" + vip.id());
        Page chart = session.get(declared.location());
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("Famousperson");

        WebSession privacy = WebSession.signedIn(port, officer, PASSWORD);
        Page dashboard = privacy.get("/privacy");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("priv.clinician", "Vera Famousperson", "Arrived unconscious in the ED",
                " to review", "<svg");
        Matcher review = Pattern.compile("action=\"(/privacy/break-glass/[0-9a-f-]+/review)\"").matcher(dashboard.body());
        assertThat(review.find()).isTrue();
        Page reviewed = privacy.postWithToken(review.group(1), Map.of("outcome", "APPROPRIATE", "note", "ED log confirms"));
        assertThat(reviewed.location()).endsWith("/privacy");
        assertThat(privacy.get("/privacy").body()).contains("ED log confirms", "APPROPRIATE");
    }

    @Test
    void theDashboardShowsUsersReadingRecordsOfTheirNamesakes() {
        WebSession.signedIn(port, "dora.kinsman", PASSWORD).get("/patients/" + relative.id());
        Page dashboard = WebSession.signedIn(port, officer, PASSWORD).get("/privacy");
        assertThat(dashboard.body()).contains("Dora kinsman", "Rita Kinsman");
    }

    @Test
    void failedSignInsAreCountedOnTheDashboard() {
        new WebSession(port).signIn("priv.nobody", "wrong password here");
        Page dashboard = WebSession.signedIn(port, officer, PASSWORD).get("/privacy");
        assertThat(dashboard.body()).contains("priv.nobody");
    }

    @Test
    void onlyThePrivacyOfficerOpensTheDashboard() {
        assertThat(WebSession.signedIn(port, auditor, PASSWORD).get("/privacy").status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, clinician, PASSWORD).get("/privacy").status()).isEqualTo(403);
    }

    @Test
    void theOfficerLabelsARecordAndRecordsARestrictionInTheBrowserForms() {
        WebSession session = WebSession.signedIn(port, officer, PASSWORD);
        String page = "/privacy/patients/" + plain.id() + "/sensitivity";
        assertThat(session.get(page).body()).contains("No labels", "No restrictions");
        assertThat(session.postWithToken(page + "/labels", Map.of("label", "HIV", "target", "PATIENT")).location())
                .endsWith(page);
        session.get(page);
        session.postWithToken(page + "/restrictions", Map.of("username", "dora.kinsman", "role", "",
                "reason", "Sister-in-law works here"));
        assertThat(session.get(page).body()).contains("HIV status", "dora.kinsman", "Sister-in-law works here");
        assertThat(WebSession.signedIn(port, "dora.kinsman", PASSWORD).get("/patients/" + plain.id()).status())
                .as("an HIV label allows coding, but the restriction keeps her out").isEqualTo(403);
        assertThat(WebSession.signedIn(port, clinician, PASSWORD).get(page).status()).isEqualTo(403);
    }

    @Test
    void anAuditorCannotBreakTheGlass() {
        WebSession session = WebSession.signedIn(port, auditor, PASSWORD);
        session.get("/audit");
        Page refused = session.postWithToken("/patients/" + vip.id() + "/break-glass",
                Map.of("reason", "Just curious about this one"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Famousperson", "Emergency access</h2>");
    }
}
