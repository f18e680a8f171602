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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sensitivity label on the whole patient (not on one document or encounter) follows the release rule of
 * a labelled document, for every specially protected category, over real HTTP: the release-of-information
 * specialist finds the patient and opens a request; each document is listed as needing specific
 * authorization and refused at release (audited) unless a valid authorization names the category (or the
 * request carries the Part 2 consent); then it goes out with the notice and the accounting says so.
 */
@IntegrationTest
class RoiPatientLabelTest {
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

    @Test
    void aPatientLevelHivLabelNeedsAnAuthorizationNamingItAndIsReleasedUnderOne() throws IOException {
        World w = world(SensitivityLabel.HIV);
        assertThat(w.session.open("/roi?name=" + w.family).body()).as("the patient is found for the intake")
                .contains(w.chart.id().toString());
        assertThat(w.session.open("/roi/new?patient=" + w.chart.id()).status()).isEqualTo(200);

        UUID notNamed = intake(w, LocalDate.now().plusYears(1), "BEHAVIORAL_HEALTH", false);
        assertThat(w.session.open("/roi/" + notNamed).body()).contains(w.chart.dischargeSummary().toString(),
                "Needs specific authorization: HIV status");
        selectAndRelease(w, notNamed);
        assertThat(w.session.open("/roi/" + notNamed).body()).contains("specially protected (HIV status)",
                "need a valid authorization that names the category specifically");
        assertThat(requests.packets(w.roi(), notNamed)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND action = 'PRINT' AND resource_id = ? AND detail LIKE '%need specific authorization%HIV%'",
                Integer.class, w.specialist, notNamed.toString())).isEqualTo(1);

        UUID expired = intake(w, LocalDate.now().minusDays(1), "HIV", false);
        assertThat(w.session.open("/roi/" + expired).body()).contains("expired on",
                "Needs specific authorization: HIV status");

        UUID named = intake(w, LocalDate.now().plusYears(1), "HIV", false);
        assertThat(w.session.open("/roi/" + named).body()).contains(w.chart.dischargeSummary().toString())
                .doesNotContain("Needs specific authorization");
        selectAndRelease(w, named);
        PacketInfo packet = requests.packets(w.roi(), named).getFirst();
        assertThat(text(requests.packetPdf(w.roi(), named, packet.id())))
                .contains(SUMMARY_TEXT, "specially protected information (HIV status)");
        assertThat(w.session.open("/roi/patients/" + w.chart.id() + "/disclosures").body())
                .contains("specially protected, released under specific authorization or consent: HIV status");
    }

    @Test
    void everyOtherProtectedCategoryOnThePatientFollowsTheSameRule() {
        for (SensitivityLabel category : new SensitivityLabel[] {SensitivityLabel.BEHAVIORAL_HEALTH,
                SensitivityLabel.REPRODUCTIVE_HEALTH, SensitivityLabel.VIP}) {
            World w = world(category);
            UUID notNamed = intake(w, LocalDate.now().plusYears(1), "HIV", false);
            assertThat(w.session.open("/roi/" + notNamed).body()).as(category.name())
                    .contains("Needs specific authorization: " + category.label());
            selectAndRelease(w, notNamed);
            assertThat(requests.packets(w.roi(), notNamed)).as(category.name()).isEmpty();

            UUID named = intake(w, LocalDate.now().plusYears(1), category.name(), false);
            selectAndRelease(w, named);
            assertThat(requests.packets(w.roi(), named)).as(category.name()).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT description FROM disclosure WHERE request_id = ?", String.class,
                    named)).as(category.name()).contains("released under specific authorization or consent: "
                    + category.label());
        }
    }

    @Test
    void aPatientLevelPart2LabelNeedsTheSpecificConsent() throws IOException {
        World w = world(SensitivityLabel.SUBSTANCE_USE_PART2);
        UUID withoutConsent = intake(w, LocalDate.now().plusYears(1), "HIV", false);
        assertThat(w.session.open("/roi/" + withoutConsent).body()).contains("42 CFR Part 2: needs specific consent");
        selectAndRelease(w, withoutConsent);
        assertThat(requests.packets(w.roi(), withoutConsent)).isEmpty();
        assertThat(w.session.open("/roi/" + withoutConsent).body())
                .contains("need the patient&#39;s specific 42 CFR Part 2 consent");

        UUID withConsent = intake(w, LocalDate.now().plusYears(1), "HIV", true);
        selectAndRelease(w, withConsent);
        PacketInfo packet = requests.packets(w.roi(), withConsent).getFirst();
        assertThat(text(requests.packetPdf(w.roi(), withConsent, packet.id())))
                .contains(SUMMARY_TEXT, "42 CFR part 2 prohibits unauthorized use");
    }

    private World world(SensitivityLabel label) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("RPL-" + suffix.toUpperCase(Locale.ROOT));
        String family = "Patlabel" + suffix.replaceAll("[0-9]", "x");
        WebFixtures.Chart chart = fixtures.chart("Pia", family, LocalDate.of(1975, 6, 7), hospital, "RPL" + suffix);
        String specialist = fixtures.user("rpl.roi." + suffix, Role.ROI_SPECIALIST, hospital);
        CustodianUser officer = accounts.find(fixtures.user("rpl.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        labels.label(officer, chart.id(), LabelTarget.PATIENT, chart.id(), label);
        return new World(suffix, family, chart, specialist, WebSession.signedIn(port, specialist, PASSWORD), accounts);
    }

    /** An insurer's request with an otherwise complete authorization naming this category. */
    private static UUID intake(World w, LocalDate expires, String category, boolean part2Consent) {
        w.session.get("/roi/new?patient=" + w.chart.id());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("patient", w.chart.id().toString());
        form.put("requesterType", "INSURER");
        form.put("requesterName", "Acme Life " + w.suffix);
        form.put("informationRequested", "Discharge summary");
        form.put("purpose", "INSURANCE");
        form.put("receivedOn", LocalDate.now().toString());
        form.put("authPresent", "true");
        form.put("authDescription", "Discharge summary");
        form.put("authDisclosingParty", "The hospital");
        form.put("authRecipient", "Acme Life " + w.suffix);
        form.put("authPurpose", "Life insurance application");
        form.put("authExpires", expires.toString());
        form.put("authSignedBy", "Pia Patlabel");
        form.put("authSignedOn", LocalDate.now().minusDays(2).toString());
        form.put("authRevocation", "true");
        form.put("authConditioning", "true");
        form.put("authRedisclosure", "true");
        form.put("authProtectedCategories", category);
        if (part2Consent) {
            form.put("part2Consent", "true");
        }
        WebSession.Page created = w.session.postWithToken("/roi", form);
        assertThat(created.isRedirect()).as(created.body()).isTrue();
        return UUID.fromString(created.location().substring(created.location().lastIndexOf('/') + 1));
    }

    private static void selectAndRelease(World w, UUID id) {
        w.session.open("/roi/" + id);
        w.session.postWithToken("/roi/" + id + "/selection", Map.of("document", w.chart.dischargeSummary().toString()));
        w.session.open("/roi/" + id);
        w.session.postWithToken("/roi/" + id + "/release", Map.of());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private record World(String suffix, String family, WebFixtures.Chart chart, String specialist, WebSession session,
                         UserAccounts accounts) {
        CustodianUser roi() {
            return accounts.find(specialist).orElseThrow();
        }
    }
}
