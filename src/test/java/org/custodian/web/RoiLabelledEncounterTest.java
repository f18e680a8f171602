package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.disclosure.NewRequest;
import org.custodian.disclosure.PacketInfo;
import org.custodian.disclosure.Purpose;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.disclosure.RequesterType;
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
 * Release of information counts the labels on an encounter, not only the patient's and the
 * document's: a document of a labelled encounter is listed as needing specific authorization and is not
 * released in a packet to another provider without it; a 42 CFR Part 2 encounter's documents go out only
 * on a request carrying the patient's specific consent. The patient's own right-of-access copy (PDF and FHIR) holds
 * them all: labels protect the patient from others, not from themselves.
 */
@IntegrationTest
class RoiLabelledEncounterTest {
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
    void aLabelledEncountersDocumentsStayOutOfPacketsButAreInThePatientsOwnCopy() throws IOException {
        World w = world("RLE");
        UUID encounter = inpatient(w.chart);
        labels.label(w.officer, w.chart.id(), LabelTarget.ENCOUNTER, encounter, SensitivityLabel.HIV);
        CustodianUser roi = accounts.find(w.roi).orElseThrow();
        UUID id = requests.open(roi, new NewRequest(w.chart.id(), RequesterType.PROVIDER, "Lakeside Clinic", null,
                "Discharge summary", Purpose.TREATMENT, LocalDate.now(), null, false));

        WebSession session = WebSession.signedIn(port, w.roi, PASSWORD);
        WebSession.Page page = session.open("/roi/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(w.chart.dischargeSummary().toString(), "Needs specific authorization: HIV status")
                .doesNotContain("id=\"documents-withheld\"");
        session.postWithToken("/roi/" + id + "/selection", Map.of("document", w.chart.dischargeSummary().toString()));
        session.open("/roi/" + id);
        session.postWithToken("/roi/" + id + "/release", Map.of());
        assertThat(session.open("/roi/" + id).body()).as("the refusal, explained")
                .contains("specially protected (HIV status)", "a valid authorization that names the category");
        assertThat(requests.packets(roi, id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND patient_id = ? AND detail LIKE '%need specific authorization%HIV%'", Integer.class, w.roi,
                w.chart.id())).as("the refusal, audited").isEqualTo(1);

        String copy = text(session.download("/roi/patients/" + w.chart.id() + "/record.pdf"));
        assertThat(copy).as("the patient's own copy holds the labelled visit: labels protect them from others")
                .contains("Relabel" + w.suffix, "S93.401A", SUMMARY_TEXT, "J18.9").doesNotContain("Documents not in this copy");
        String fhir = new String(session.download("/roi/patients/" + w.chart.id() + "/record.fhir.json"),
                StandardCharsets.UTF_8);
        assertThat(fhir).contains("S93.401A", "\"DocumentReference\"", "J18.9", w.chart.dischargeSummary().toString(),
                encounter.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND outcome = 'SUCCESS' AND detail LIKE '%labelled records included for the patient (HIV)%'",
                Integer.class, w.roi)).isEqualTo(2);
    }

    @Test
    void aPart2EncountersDocumentIsReleasedOnlyWithTheSpecificConsent() throws IOException {
        World w = world("RLP");
        labels.label(w.officer, w.chart.id(), LabelTarget.ENCOUNTER, inpatient(w.chart), SensitivityLabel.SUBSTANCE_USE_PART2);
        CustodianUser director = accounts.find(w.director).orElseThrow();
        UUID withoutConsent = requests.open(director, new NewRequest(w.chart.id(), RequesterType.PROVIDER, "Lakeside Clinic",
                null, "Discharge summary", Purpose.TREATMENT, LocalDate.now(), null, false));
        UUID withConsent = requests.open(director, new NewRequest(w.chart.id(), RequesterType.PROVIDER, "Lakeside Clinic",
                null, "Discharge summary", Purpose.TREATMENT, LocalDate.now(), null, true));

        WebSession session = WebSession.signedIn(port, w.director, PASSWORD);
        assertThat(session.open("/roi/" + withoutConsent).body()).as("listed, marked as needing the consent")
                .contains(w.chart.dischargeSummary().toString(), "42 CFR Part 2: needs specific consent");
        for (UUID id : new UUID[] {withoutConsent, withConsent}) {
            session.open("/roi/" + id);
            session.postWithToken("/roi/" + id + "/selection", Map.of("document", w.chart.dischargeSummary().toString()));
            session.open("/roi/" + id);
            session.postWithToken("/roi/" + id + "/release", Map.of());
        }
        assertThat(session.open("/roi/" + withoutConsent).body()).contains("need the patient&#39;s specific 42 CFR Part 2 consent");
        assertThat(requests.packets(director, withoutConsent)).isEmpty();

        PacketInfo packet = requests.packets(director, withConsent).getFirst();
        String released = text(requests.packetPdf(director, withConsent, packet.id()));
        assertThat(released).contains(SUMMARY_TEXT, "42 CFR part 2 prohibits unauthorized use");

        String copy = text(session.download("/roi/patients/" + w.chart.id() + "/record.pdf"));
        assertThat(copy).as("the patient may see their own Part 2 records (42 CFR 2.23)").contains(SUMMARY_TEXT);
    }

    private World world(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital(prefix + "-" + suffix.toUpperCase(Locale.ROOT));
        WebFixtures.Chart chart = fixtures.chart("Rae", "Relabel" + suffix, LocalDate.of(1972, 4, 5), hospital,
                prefix + suffix);
        String roi = fixtures.user("rle.roi." + suffix, Role.ROI_SPECIALIST, hospital);
        String director = fixtures.user("rle.dir." + suffix, Role.HIM_DIRECTOR, hospital);
        CustodianUser officer = accounts.find(fixtures.user("rle.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        return new World(suffix, chart, roi, director, officer);
    }

    private UUID inpatient(WebFixtures.Chart chart) {
        return jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? AND visit_number LIKE 'IP-%'",
                UUID.class, chart.id());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private record World(String suffix, WebFixtures.Chart chart, String roi, String director, CustodianUser officer) {
    }
}
