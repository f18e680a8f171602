package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.scanning.Filing;
import org.custodian.scanning.Intake;
import org.custodian.scanning.ScanActor;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanIntake;
import org.custodian.scanning.ScanSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A filed scan is a chart document, so its page, preview, download and place in the chart's scan
 * list count the labels on that document and on the encounter it is filed to, not only the
 * patient's: a user the label keeps out gets a refusal, audited, and the scan is not listed.
 */
@IntegrationTest
class ScanningLabelledScanTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ScanIntake intake;
    @Autowired
    ScanIndexing indexing;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScanOfALabelledDocumentOrEncounterIsReadOnlyByThoseTheLabelAllows() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("SLS-" + suffix.toUpperCase(Locale.ROOT));
        WebFixtures.Chart chart = fixtures.chart("Lou", "Labelscan", LocalDate.of(1971, 2, 3), hospital, "L" + suffix);
        String director = fixtures.user("scan.label.dir." + suffix, Role.HIM_DIRECTOR, hospital);
        String clinician = fixtures.user("scan.label.doc." + suffix, Role.CLINICIAN, hospital);
        CustodianUser officer = accounts.find(fixtures.user("scan.label.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        CustodianUser indexer = accounts.find(director).orElseThrow();
        UUID inpatient = jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? AND visit_number LIKE 'IP-%'",
                UUID.class, chart.id());
        UUID hivScan = scan(indexer, hospital, "hivscan.pdf", new Filing(chart.id(), null, DocumentType.CONSULTATION,
                LocalDate.of(2025, 3, 3)));
        UUID part2Scan = scan(indexer, hospital, "parttwo.pdf", new Filing(chart.id(), inpatient,
                DocumentType.CONSULTATION, LocalDate.of(2025, 3, 4)));
        UUID plainScan = scan(indexer, hospital, "plainscan.pdf", new Filing(chart.id(), null,
                DocumentType.CONSULTATION, LocalDate.of(2025, 3, 5)));
        UUID hivDocument = jdbc.queryForObject("SELECT chart_document_id FROM scan_document WHERE id = ?", UUID.class,
                hivScan);
        labels.label(officer, chart.id(), LabelTarget.DOCUMENT, hivDocument, SensitivityLabel.HIV);
        labels.label(officer, chart.id(), LabelTarget.ENCOUNTER, inpatient, SensitivityLabel.SUBSTANCE_USE_PART2);

        WebSession doc = WebSession.signedIn(port, clinician, PASSWORD);
        for (String part : new String[] {"", "/preview.png", "/file"}) {
            WebSession.Page refused = doc.get("/scanning/scans/" + hivScan + part);
            assertThat(refused.status()).as("clinician GET scan" + part).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("hivscan.pdf", "%PDF");
        }
        assertThat(doc.get("/scanning/scans/" + plainScan + "/preview.png").status()).isEqualTo(200);
        assertThat(doc.get("/scanning/patients/" + chart.id()).body()).as("the chart's scans, as the clinician sees them")
                .contains("plainscan.pdf").doesNotContain("hivscan.pdf", "parttwo.pdf");

        WebSession him = WebSession.signedIn(port, director, PASSWORD);
        assertThat(him.get("/scanning/scans/" + hivScan + "/preview.png").status())
                .as("HIV allows operations: the HIM director sees the scan").isEqualTo(200);
        assertThat(him.get("/scanning/scans/" + part2Scan + "/file").status())
                .as("Part 2 on the encounter the scan is filed to").isEqualTo(403);
        assertThat(him.get("/scanning/scans/" + part2Scan).status()).isEqualTo(403);
        assertThat(him.get("/scanning/patients/" + chart.id()).body()).contains("hivscan.pdf", "plainscan.pdf")
                .doesNotContain("parttwo.pdf");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                        + " AND resource_id = ? AND resource_type IN ('ScannedDocument', 'ScannedDocument.preview',"
                        + " 'ScannedDocument.file') AND detail LIKE '%HIV%'", Integer.class, clinician, hivScan.toString()))
                .as("each refusal is audited with its reason").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                        + " AND resource_id = ? AND detail LIKE '%SUBSTANCE_USE_PART2%'", Integer.class, director,
                part2Scan.toString())).isEqualTo(2);
    }

    private UUID scan(CustodianUser by, Facility at, String name, Filing filing) {
        Intake received = intake.receive(new ByteArrayInputStream(ScanSamples.pdf(1, name)), name, "application/pdf",
                at.id(), ScanActor.of(by, "test"));
        UUID id = ((Intake.Accepted) received).scan().id();
        indexing.index(by, "test", id, filing);
        return id;
    }
}
