package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.disclosure.PacketInfo;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Release of specially protected records (HIV, behavioural health, VIP, ...) through the ROI screens over
 * real HTTP: the request's authorization records the categories it names specifically; documents in a
 * category it does not name (or while it is not valid) are listed as needing specific authorization and
 * refused at release, audited; with a valid authorization naming the category they go out in the packet
 * with a re-disclosure notice, and the disclosure log describes them as released under it.
 */
@IntegrationTest
class RoiSpeciallyProtectedTest {
    private static final String SUMMARY_TEXT = "Treated with antibiotics";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    ReleaseRequests requests;
    @Autowired
    JdbcTemplate jdbc;

    String suffix;
    WebFixtures.Chart chart;
    String specialist;
    WebSession session;

    @BeforeEach
    void world() {
        suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("RSP-" + suffix.toUpperCase(Locale.ROOT));
        chart = fixtures.chart("Sol", "Special" + suffix, LocalDate.of(1969, 8, 9), hospital, "RSP" + suffix);
        specialist = fixtures.user("rsp.roi." + suffix, Role.ROI_SPECIALIST, hospital);
        CustodianUser officer = accounts.find(fixtures.user("rsp.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        UUID inpatient = jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? AND visit_number LIKE 'IP-%'",
                UUID.class, chart.id());
        labels.label(officer, chart.id(), LabelTarget.ENCOUNTER, inpatient, SensitivityLabel.HIV);
        session = WebSession.signedIn(port, specialist, PASSWORD);
    }

    @Test
    void withoutAnAuthorizationNamingTheCategoryTheDocumentIsListedAsNeedingItAndRefusedAtRelease() {
        UUID id = intake(LocalDate.now().plusYears(1).toString(), "BEHAVIORAL_HEALTH");
        String page = session.open("/roi/" + id).body();
        assertThat(page).contains(chart.dischargeSummary().toString(), "Needs specific authorization: HIV status",
                "It names specifically: Behavioral health.").doesNotContain("id=\"documents-withheld\"");

        selectAndRelease(id);
        assertThat(session.open("/roi/" + id).body()).contains("specially protected (HIV status)",
                "need a valid authorization that names the category specifically");
        assertThat(requests.packets(accounts.find(specialist).orElseThrow(), id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND action = 'PRINT' AND resource_id = ? AND detail LIKE '%need specific authorization%HIV%'",
                Integer.class, specialist, id.toString())).isEqualTo(1);
    }

    @Test
    void anExpiredAuthorizationNamingTheCategoryDoesNotCoverIt() {
        UUID id = intake(LocalDate.now().minusDays(1).toString(), "HIV");
        assertThat(session.open("/roi/" + id).body()).contains("expired on", "Needs specific authorization: HIV status");
    }

    @Test
    void aValidAuthorizationNamingTheCategoryReleasesTheDocumentWithANoticeAndTheLogSaysSo() throws IOException {
        UUID id = intake(LocalDate.now().plusYears(1).toString(), "HIV");
        String page = session.open("/roi/" + id).body();
        assertThat(page).contains(chart.dischargeSummary().toString(), "It names specifically: HIV status.")
                .doesNotContain("Needs specific authorization");

        selectAndRelease(id);
        assertThat(session.open("/roi/" + id).body()).contains("Released: packet of");
        CustodianUser roi = accounts.find(specialist).orElseThrow();
        PacketInfo packet = requests.packets(roi, id).getFirst();
        String released = text(requests.packetPdf(roi, id, packet.id()));
        assertThat(released).contains(SUMMARY_TEXT, "specially protected information (HIV status)");

        String log = session.open("/roi/patients/" + chart.id() + "/disclosures").body();
        assertThat(log).contains("specially protected, released under specific authorization or consent: HIV status");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM disclosure WHERE request_id = ? AND description LIKE"
                + " '%released under specific authorization or consent: HIV status%'", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'SUCCESS'"
                + " AND action = 'PRINT' AND detail LIKE '%specially protected HIV under the request''s specific%'",
                Integer.class, specialist)).isEqualTo(1);
    }

    /** An insurer's request with an otherwise complete authorization naming this category. */
    private UUID intake(String expires, String category) {
        session.get("/roi/new?patient=" + chart.id());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("patient", chart.id().toString());
        form.put("requesterType", "INSURER");
        form.put("requesterName", "Acme Life " + suffix);
        form.put("informationRequested", "Discharge summary");
        form.put("purpose", "INSURANCE");
        form.put("receivedOn", LocalDate.now().toString());
        form.put("authPresent", "true");
        form.put("authDescription", "Discharge summary including HIV status");
        form.put("authDisclosingParty", "The hospital");
        form.put("authRecipient", "Acme Life " + suffix);
        form.put("authPurpose", "Life insurance application");
        form.put("authExpires", expires);
        form.put("authSignedBy", "Sol Special");
        form.put("authSignedOn", LocalDate.now().minusDays(2).toString());
        form.put("authRevocation", "true");
        form.put("authConditioning", "true");
        form.put("authRedisclosure", "true");
        form.put("authProtectedCategories", category);
        WebSession.Page created = session.postWithToken("/roi", form);
        assertThat(created.isRedirect()).as(created.body()).isTrue();
        return UUID.fromString(created.location().substring(created.location().lastIndexOf('/') + 1));
    }

    private void selectAndRelease(UUID id) {
        session.open("/roi/" + id);
        session.postWithToken("/roi/" + id + "/selection", Map.of("document", chart.dischargeSummary().toString()));
        session.open("/roi/" + id);
        session.postWithToken("/roi/" + id + "/release", Map.of());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
