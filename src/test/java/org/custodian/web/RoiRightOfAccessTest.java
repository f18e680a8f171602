package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Facility;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patient's right of access (164.524) over real HTTP: labels protect the patient from others, not from
 * themselves, so the copy of the designated record set (PDF and FHIR) holds the labelled parts of the
 * record, whether the label is on the patient (HIV), on a visit (42 CFR Part 2, which the patient may see,
 * 2.23) or on one document (behavioural health); a restriction the patient asked for against another role
 * keeps nothing out. The export is audited and logged as a disclosure to the patient that names what it
 * held; a restriction against the preparer still keeps that preparer out.
 */
@IntegrationTest
class RoiRightOfAccessTest {
    private static final String SUMMARY_TEXT = "Treated with antibiotics";
    private static final String THERAPY_TEXT = "Mood improving with weekly counselling";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePatientsOwnCopyHoldsEveryLabelledPartAndSaysSo() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("ROA-" + suffix.toUpperCase(Locale.ROOT));
        WebFixtures.Chart chart = fixtures.chart("Ada", "Owncopy" + suffix, LocalDate.of(1970, 3, 4), hospital,
                "ROA" + suffix);
        String specialist = fixtures.user("roa.roi." + suffix, Role.ROI_SPECIALIST, hospital);
        String restricted = fixtures.user("roa.roi2." + suffix, Role.ROI_SPECIALIST, hospital);
        CustodianUser officer = accounts.find(fixtures.user("roa.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        UUID inpatient = jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? AND visit_number LIKE 'IP-%'",
                UUID.class, chart.id());
        UUID outpatient = jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? AND visit_number LIKE 'OP-%'",
                UUID.class, chart.id());
        UUID therapy = therapyNote(chart, outpatient);
        labels.label(officer, chart.id(), LabelTarget.PATIENT, chart.id(), SensitivityLabel.HIV);
        labels.label(officer, chart.id(), LabelTarget.ENCOUNTER, inpatient, SensitivityLabel.SUBSTANCE_USE_PART2);
        labels.label(officer, chart.id(), LabelTarget.DOCUMENT, therapy, SensitivityLabel.BEHAVIORAL_HEALTH);
        labels.restrict(officer, chart.id(), null, Role.CODER, "not to the coders, please");
        labels.restrict(officer, chart.id(), restricted, null, "my neighbour works in HIM");

        WebSession session = WebSession.signedIn(port, specialist, PASSWORD);
        String copy = text(session.download("/roi/patients/" + chart.id() + "/record.pdf"));
        assertThat(copy).contains("Owncopy" + suffix, SUMMARY_TEXT, "J18.9", THERAPY_TEXT, "S93.401A")
                .doesNotContain("Documents not in this copy");
        String fhir = new String(session.download("/roi/patients/" + chart.id() + "/record.fhir.json"),
                StandardCharsets.UTF_8);
        assertThat(fhir).contains(chart.dischargeSummary().toString(), therapy.toString(), inpatient.toString(),
                "J18.9");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND outcome = 'SUCCESS' AND patient_id = ? AND detail LIKE"
                + " '%labelled records included for the patient (BEHAVIORAL_HEALTH,HIV,SUBSTANCE_USE_PART2)%'",
                Integer.class, specialist, chart.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                + " AND outcome = 'SUCCESS' AND patient_id = ? AND detail LIKE '%the copy is the patient''s own%'",
                Integer.class, specialist, chart.id())).as("the chart read says why labels did not count").isEqualTo(2);
        assertThat(session.open("/roi/patients/" + chart.id() + "/disclosures").body())
                .contains("includes the patient&#39;s own specially protected records");

        WebSession neighbour = WebSession.signedIn(port, restricted, PASSWORD);
        assertThat(neighbour.get("/roi/patients/" + chart.id() + "/record.pdf").status())
                .as("the restriction keeps the neighbour, not the patient, out").isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND patient_id = ?", Integer.class, restricted, chart.id())).isPositive();
    }

    @Test
    void thePatientsOwnReleaseRequestNeedsNoSpecificAuthorizationForTheirLabelledRecords() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("ROR-" + suffix.toUpperCase(Locale.ROOT));
        WebFixtures.Chart chart = fixtures.chart("Ida", "Ownrequest" + suffix, LocalDate.of(1971, 5, 6), hospital,
                "ROR" + suffix);
        String specialist = fixtures.user("ror.roi." + suffix, Role.ROI_SPECIALIST, hospital);
        CustodianUser officer = accounts.find(fixtures.user("ror.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        UUID inpatient = jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? AND visit_number LIKE 'IP-%'",
                UUID.class, chart.id());
        labels.label(officer, chart.id(), LabelTarget.PATIENT, chart.id(), SensitivityLabel.HIV);
        labels.label(officer, chart.id(), LabelTarget.ENCOUNTER, inpatient, SensitivityLabel.SUBSTANCE_USE_PART2);

        WebSession session = WebSession.signedIn(port, specialist, PASSWORD);
        session.get("/roi/new?patient=" + chart.id());
        WebSession.Page created = session.postWithToken("/roi", java.util.Map.of("patient", chart.id().toString(),
                "requesterType", "PATIENT", "requesterName", "Ida Ownrequest", "informationRequested", "My records",
                "purpose", "PERSONAL_USE", "receivedOn", LocalDate.now().toString()));
        assertThat(created.isRedirect()).as(created.body()).isTrue();
        String request = created.location().substring(created.location().lastIndexOf('/') + 1);
        assertThat(session.open("/roi/" + request).body()).contains(chart.dischargeSummary().toString())
                .doesNotContain("Needs specific authorization", "needs specific consent");
        session.postWithToken("/roi/" + request + "/selection", java.util.Map.of("document",
                chart.dischargeSummary().toString()));
        session.open("/roi/" + request);
        session.postWithToken("/roi/" + request + "/release", java.util.Map.of());
        assertThat(session.open("/roi/" + request).body()).contains("Released: packet of");

        String packetId = jdbc.queryForObject("SELECT id FROM roi_packet WHERE request_id = ?", String.class,
                UUID.fromString(request));
        String packet = text(session.download("/roi/" + request + "/packets/" + packetId + ".pdf"));
        assertThat(packet).contains(SUMMARY_TEXT, "This copy is for the patient and includes their own specially"
                + " protected records").doesNotContain("42 CFR part 2 prohibits");
        assertThat(session.open("/roi/patients/" + chart.id() + "/disclosures").body())
                .contains("includes the patient&#39;s own specially protected records");
    }

    private UUID therapyNote(WebFixtures.Chart chart, UUID encounter) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().minus(300, ChronoUnit.DAYS);
        Provenance prov = Provenance.now("test", "right-of-access", "tester");
        tx.executeWithoutResult(s -> writer.batch().document(new ClinicalDocument(id, chart.id(), encounter,
                DocumentType.PROGRESS_NOTE, null, at, List.of(new DocumentVersion(1, DocumentStatus.FINAL,
                "Counselling note", THERAPY_TEXT + ".", null, at, null, null, prov)))).flush());
        return id;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
