package org.custodian.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.CustodianUserDetailsService;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.PhiAccessDenied;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Intake, indexing, QA and moves on the real database and data folder. */
@IntegrationTest
class ScanIndexingTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    ScanIntake intake;
    @Autowired
    ScanIndexing indexing;
    @Autowired
    ScanReading reading;
    @Autowired
    JdbcClient jdbc;
    @Value("${custodian.data-directory}")
    Path dataDirectory;

    private Facility hospital;
    private Facility elsewhere;
    private Patient right;
    private Patient wrong;
    private Patient foreign;
    private CustodianUser indexer;
    private CustodianUser reviewer;
    private String suffix;

    @BeforeEach
    void world() {
        suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        RecordFixtures fixtures = new RecordFixtures(context.getBean(FacilityRepository.class),
                context.getBean(RecordWriter.class), context.getBean(TransactionTemplate.class));
        hospital = fixtures.facility("SCN-" + suffix, FacilityType.HOSPITAL);
        elsewhere = fixtures.facility("SCX-" + suffix, FacilityType.HOSPITAL);
        right = fixtures.patient("Rhoda", "Rightchart" + suffix, LocalDate.of(1961, 2, 3), hospital, "R-" + suffix);
        wrong = fixtures.patient("Wanda", "Wrongchart" + suffix, LocalDate.of(1962, 3, 4), hospital, "W-" + suffix);
        foreign = fixtures.patient("Fern", "Farchart" + suffix, LocalDate.of(1963, 4, 5), elsewhere, "F-" + suffix);
        indexer = user("scan.indexer." + suffix, Role.CODER, hospital);
        reviewer = user("scan.reviewer." + suffix, Role.HIM_DIRECTOR, hospital);
    }

    @Test
    void aReceivedPdfIsStoredUnderItsHashWithItsPagesAndWaitsInTheInbox() throws Exception {
        byte[] pdf = ScanSamples.pdf(3, "consent " + suffix);
        Scan scan = accept(pdf, "consent.pdf");

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(scan.sha256()).isEqualTo(sha);
        assertThat(scan.pages()).isEqualTo(3);
        assertThat(scan.mediaType()).isEqualTo(ScanMediaType.PDF);
        assertThat(scan.sizeBytes()).isEqualTo(pdf.length);
        Path stored = dataDirectory.resolve("files/scanned").resolve(sha.substring(0, 2)).resolve(sha);
        assertThat(Files.readAllBytes(stored)).isEqualTo(pdf);
        assertThat(reading.inbox(indexer, "test")).extracting(Scan::id).contains(scan.id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE resource_id = :id AND action = 'CREATE'")
                .param("id", scan.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void imagesCountTheirPagesAndPreviewAsAScaledPng() throws Exception {
        Scan tiff = accept(ScanSamples.tiff(4), "fax.tif");
        assertThat(tiff.mediaType()).isEqualTo(ScanMediaType.TIFF);
        assertThat(tiff.pages()).isEqualTo(4);
        Scan photo = accept(ScanSamples.jpeg(2400, 3000), "photo.jpg");
        assertThat(photo.pages()).isEqualTo(1);

        ScanFile preview = reading.preview(indexer, "test", photo.id()).orElseThrow();
        var image = ImageIO.read(preview.path().toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(preview.mediaType()).isEqualTo("image/png");
        ScanFile page = reading.preview(indexer, "test", accept(ScanSamples.pdf(1, "p " + suffix), "a.pdf").id())
                .orElseThrow();
        assertThat(ImageIO.read(page.path().toFile()).getWidth()).isBetween(700, 800);
    }

    @Test
    void aScanIndexedToTheWrongPatientIsFlaggedAndMovedWithItsWholeHistory() {
        Scan scan = accept(ScanSamples.pdf(1, "discharge " + suffix), "discharge.pdf");
        UUID wrongVisit = encounterOf(wrong);
        UUID rightVisit = encounterOf(right);
        LocalDate date = LocalDate.of(2025, 10, 1);

        indexing.index(indexer, "test", scan.id(), new Filing(wrong.id(), wrongVisit, DocumentType.DISCHARGE_SUMMARY, date));
        assertThat(reading.qaQueue(reviewer, "test")).extracting(i -> i.scan().id()).contains(scan.id());
        assertThat(reading.chartScans(reviewer, wrong.id()).orElseThrow().scans()).extracting(Scan::id).contains(scan.id());

        Scan flagged = indexing.flag(reviewer, "test", scan.id(), FlagReason.WRONG_PATIENT, "Name on page 1 is Rhoda.");
        assertThat(flagged.status()).isEqualTo(ScanStatus.FLAGGED);
        assertThat(flagged.flag().comment()).isEqualTo("Name on page 1 is Rhoda.");
        assertThat(reading.qaQueue(reviewer, "test").getFirst().scan().status()).isEqualTo(ScanStatus.FLAGGED);

        Scan moved = indexing.move(reviewer, "test", scan.id(),
                new Filing(right.id(), rightVisit, DocumentType.DISCHARGE_SUMMARY, date), "Wrong patient: Rhoda's summary.");
        assertThat(moved.status()).isEqualTo(ScanStatus.CONFIRMED);
        assertThat(moved.flag()).isNull();
        assertThat(reading.chartScans(reviewer, right.id()).orElseThrow().scans()).extracting(Scan::id).contains(scan.id());
        assertThat(reading.chartScans(reviewer, wrong.id()).orElseThrow().scans()).extracting(Scan::id).doesNotContain(scan.id());

        ScanView view = reading.scan(reviewer, "test", scan.id()).orElseThrow();
        assertThat(view.history()).extracting(IndexStep::action)
                .containsExactly(IndexAction.INDEXED, IndexAction.FLAGGED, IndexAction.MOVED);
        IndexStep move = view.history().getLast();
        assertThat(move.actor()).isEqualTo(reviewer.getUsername());
        assertThat(move.fromPatient()).isEqualTo(wrong.id());
        assertThat(move.toPatient()).isEqualTo(right.id());
        assertThat(move.fromLabel()).contains("Wrongchart" + suffix, "W-" + suffix);
        assertThat(move.toLabel()).contains("Rightchart" + suffix, "R-" + suffix);
        assertThat(move.fromEncounter()).isEqualTo(wrongVisit);
        assertThat(move.toEncounter()).isEqualTo(rightVisit);
        assertThat(move.flagReason()).isEqualTo(FlagReason.WRONG_PATIENT);
        assertThat(move.comment()).isEqualTo("Wrong patient: Rhoda's summary.");
        assertThat(view.encounter().id()).isEqualTo(rightVisit);

        assertThat(updates(scan.id(), wrong.id())).anyMatch(d -> d.startsWith("moved out of this chart to patient " + right.id()));
        assertThat(updates(scan.id(), right.id())).anyMatch(d -> d.startsWith("moved into this chart from patient " + wrong.id()));
    }

    @Test
    void anEncounterMustBelongToTheChosenPatient() {
        Scan scan = accept(ScanSamples.pdf(1, "op " + suffix), "op.pdf");
        assertThatThrownBy(() -> indexing.index(indexer, "test", scan.id(),
                new Filing(right.id(), encounterOf(wrong), DocumentType.OPERATIVE_REPORT, LocalDate.of(2025, 9, 9))))
                .isInstanceOf(ScanRefused.class).hasMessageContaining("is not an encounter of Rightchart" + suffix);
        assertThat(reading.scan(indexer, "test", scan.id()).orElseThrow().scan().status()).isEqualTo(ScanStatus.UNINDEXED);
    }

    @Test
    void nobodyFilesIntoOrMovesOutOfAChartTheyMayNotSee() {
        Scan scan = accept(ScanSamples.pdf(1, "far " + suffix), "far.pdf");
        assertThatThrownBy(() -> indexing.index(indexer, "test", scan.id(),
                new Filing(foreign.id(), null, DocumentType.OTHER, LocalDate.of(2025, 1, 1))))
                .isInstanceOf(PhiAccessDenied.class);
        CustodianUser clinician = user("scan.clinician." + suffix, Role.CLINICIAN, hospital);
        assertThatThrownBy(() -> indexing.index(clinician, "test", scan.id(),
                new Filing(right.id(), null, DocumentType.OTHER, LocalDate.of(2025, 1, 1))))
                .isInstanceOf(ScanNotAllowed.class);
        assertThatThrownBy(() -> reading.inbox(clinician, "test")).isInstanceOf(ScanNotAllowed.class);

        indexing.index(indexer, "test", scan.id(), new Filing(right.id(), null, DocumentType.OTHER, LocalDate.of(2025, 1, 1)));
        assertThatThrownBy(() -> indexing.move(reviewer, "test", scan.id(),
                new Filing(foreign.id(), null, DocumentType.OTHER, LocalDate.of(2025, 1, 1)), "belongs elsewhere"))
                .isInstanceOf(PhiAccessDenied.class);
        assertThat(reading.chartScans(reviewer, right.id()).orElseThrow().scans()).extracting(Scan::id).contains(scan.id());
        CustodianUser outsider = user("scan.outsider." + suffix, Role.HIM_DIRECTOR, elsewhere);
        assertThatThrownBy(() -> reading.scan(outsider, "test", scan.id())).isInstanceOf(PhiAccessDenied.class);
        assertThat(reading.qaQueue(outsider, "test")).extracting(i -> i.scan().id()).doesNotContain(scan.id());
    }

    @Test
    void aMoveMustChangeSomethingAndSayWhy() {
        Scan scan = accept(ScanSamples.pdf(1, "same " + suffix), "same.pdf");
        Filing filing = new Filing(right.id(), null, DocumentType.CONSULTATION, LocalDate.of(2025, 5, 5));
        indexing.index(indexer, "test", scan.id(), filing);
        assertThatThrownBy(() -> indexing.move(reviewer, "test", scan.id(), filing, "no change"))
                .isInstanceOf(ScanRefused.class).hasMessageContaining("already filed exactly there");
        assertThatThrownBy(() -> indexing.move(reviewer, "test", scan.id(),
                new Filing(wrong.id(), null, DocumentType.CONSULTATION, LocalDate.of(2025, 5, 5)), "  "))
                .isInstanceOf(ScanRefused.class).hasMessageContaining("say why");
        assertThatThrownBy(() -> indexing.index(indexer, "test", scan.id(), filing))
                .isInstanceOf(ScanRefused.class).hasMessageContaining("already indexed");
        assertThat(indexing.confirm(reviewer, "test", scan.id()).status()).isEqualTo(ScanStatus.CONFIRMED);
    }

    private Scan accept(byte[] bytes, String name) {
        Intake result = intake.receive(new ByteArrayInputStream(bytes), name, "application/octet-stream", hospital.id(),
                ScanActor.of(indexer, "test"));
        assertThat(result).isInstanceOf(Intake.Accepted.class);
        return ((Intake.Accepted) result).scan();
    }

    private UUID encounterOf(Patient patient) {
        return jdbc.sql("SELECT id FROM encounter WHERE patient_id = :p").param("p", patient.id()).query(UUID.class).single();
    }

    private java.util.List<String> updates(UUID scanId, UUID patientId) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE resource_id = :s AND patient_id = :p AND action = 'UPDATE'")
                .param("s", scanId.toString()).param("p", patientId).query(String.class).list();
    }

    private CustodianUser user(String name, Role role, Facility at) {
        context.getBean(UserAccounts.class).createOrReset(new NewUser(name.toLowerCase(), name, "correct horse battery", Set.of(role),
                Set.of(at.id())), "test");
        return (CustodianUser) context.getBean(CustodianUserDetailsService.class).loadUserByUsername(name.toLowerCase());
    }
}
