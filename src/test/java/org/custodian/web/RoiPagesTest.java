package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The release-of-information screens over real HTTP: intake with a flawed authorization, roles, scrubbing. */
@IntegrationTest
class RoiPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void anAttorneyRequestWithAFlawedAuthorizationShowsWhatIsMissing() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("ROIP-A");
        WebFixtures.Chart chart = fixtures.chart("Leopold", "Farquharson", LocalDate.of(1970, 1, 1), hospital, "RP-1");
        WebSession session = WebSession.signedIn(port, fixtures.user("roip.specialist", Role.ROI_SPECIALIST, hospital),
                WebFixtures.PASSWORD);
        assertThat(session.get("/roi/new?patient=" + chart.id()).body()).contains("Farquharson, Leopold");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("patient", chart.id().toString());
        form.put("requesterType", "ATTORNEY");
        form.put("requesterName", "Hale & Whitby LLP");
        form.put("informationRequested", "All records");
        form.put("purpose", "LEGAL");
        form.put("receivedOn", LocalDate.now().minusDays(35).toString());
        form.put("authPresent", "true");
        form.put("authDescription", "All records");
        form.put("authSignedBy", "Leopold Farquharson");
        form.put("authSignedOn", LocalDate.now().minusDays(40).toString());
        WebSession.Page created = session.postWithToken("/roi", form);
        assertThat(created.isRedirect()).as(created.body()).isTrue();

        String page = session.open(created.location()).body();
        assertThat(page).contains("The authorization is not valid", "missing: who may make the disclosure",
                "missing: the purpose of the disclosure", "missing: an expiration date or event",
                "5 days overdue");
        assertThat(session.open("/roi").body()).contains("overdue", "Farquharson, Leopold");
    }

    @Test
    void aCoderHasNoReleaseScreensAndThePrivacyOfficerCanScrubText() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("ROIP-B");
        WebSession coder = WebSession.signedIn(port, fixtures.user("roip.coder", Role.CODER, hospital), WebFixtures.PASSWORD);
        assertThat(coder.get("/roi").status()).isEqualTo(403);
        assertThat(coder.get("/roi/deid").status()).isEqualTo(403);

        WebSession officer = WebSession.signedIn(port, fixtures.user("roip.officer", Role.PRIVACY_OFFICER, hospital),
                WebFixtures.PASSWORD);
        assertThat(officer.get("/roi/deid").body()).contains("Scrub PHI from text");
        String result = officer.postWithToken("/roi/deid", Map.of("text",
                "Seen by Dr. Agatha Brisbane on 02/03/2024; call 508-555-0170.", "replacement", "PLACEHOLDER")).body();
        assertThat(result).contains("Seen by Dr. [NAME] on [DATE]; call [PHONE].").doesNotContain("Brisbane</pre>");
        assertThat(context.getBean(org.custodian.privacy.AuditTrail.class).search(new org.custodian.privacy.AuditQuery(
                "roip.officer", null, org.custodian.privacy.AuditAction.EXPORT, null, null, null, false, 0, 10)).events())
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("3 spans replaced")
                        .doesNotContain("Brisbane"));
    }
}
