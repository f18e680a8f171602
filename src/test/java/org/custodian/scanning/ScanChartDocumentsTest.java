package org.custodian.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.CustodianUserDetailsService;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.quality.Eventually;
import org.custodian.quality.QualityFindings;
import org.custodian.quality.QualityFixtures;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A filed scan is a document of its chart: the quality rules see it, a flag is a finding, a move takes it along. */
@IntegrationTest
class ScanChartDocumentsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ApplicationContext context;
    @Autowired
    ScanIntake intake;
    @Autowired
    ScanIndexing indexing;
    @Autowired
    QualityFindings findings;
    @Autowired
    DocumentRepository documents;

    private QualityFixtures fixtures;
    private Facility hospital;
    private Practitioner doctor;
    private CustodianUser indexer;
    private CustodianUser reviewer;
    private String suffix;

    @BeforeEach
    void world() {
        suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase();
        fixtures = new QualityFixtures(context);
        hospital = fixtures.hospital("SCD-" + suffix.toUpperCase());
        doctor = fixtures.physician("Paula", "Paper" + suffix);
        indexer = user("scd.indexer." + suffix, Role.CODER);
        reviewer = user("scd.reviewer." + suffix, Role.HIM_DIRECTOR);
    }

    @Test
    void aHistoryAndPhysicalSignedOnPaperCompletesTheChartAndAFlagAndMoveFollowIt() {
        QualityFixtures.Chart chart = chartWithoutHistoryAndPhysical();
        Eventually.within(WAIT, "the missing H&P is found", () -> open(chart, "HP_MISSING") == 1);

        Scan scan = accept();
        indexing.index(indexer, "test", scan.id(), new Filing(chart.patientId(), chart.encounter.id(),
                DocumentType.HISTORY_AND_PHYSICAL, admitDate(chart)), true);

        ClinicalDocument filed = scanned(chart);
        assertThat(filed.type()).isEqualTo(DocumentType.HISTORY_AND_PHYSICAL);
        assertThat(filed.encounterId()).isEqualTo(chart.encounter.id());
        assertThat(filed.current().status()).isEqualTo(DocumentStatus.FINAL);
        assertThat(filed.current().signedBy()).isEqualTo(doctor.id());
        assertThat(filed.current().body()).contains("scan " + scan.id(), "signed on paper");
        Eventually.within(WAIT, "the scanned H&P satisfies the rule", () -> open(chart, "HP_MISSING") == 0);
        assertThat(open(chart, "DOCUMENT_UNSIGNED")).isZero();

        indexing.flag(reviewer, "test", scan.id(), FlagReason.WRONG_PATIENT, "The name on page 1 is someone else's");
        Eventually.within(WAIT, "the flagged scan is a finding", () -> open(chart, "SCAN_MISINDEXED") == 1);
        assertThat(findings.openFor(List.of(chart.patientId()))).filteredOn(f -> f.finding().ruleId().equals("SCAN_MISINDEXED"))
                .singleElement().satisfies(f -> {
                    assertThat(f.finding().documentId()).isEqualTo(filed.id());
                    assertThat(f.finding().location()).contains("scan " + scan.id());
                    assertThat(f.finding().message()).contains("wrong patient", "The name on page 1 is someone else's");
                });

        QualityFixtures.Chart owner = chartWithoutHistoryAndPhysical();
        Eventually.within(WAIT, "the owner's missing H&P is found", () -> open(owner, "HP_MISSING") == 1);
        indexing.move(reviewer, "test", scan.id(), new Filing(owner.patientId(), owner.encounter.id(),
                DocumentType.HISTORY_AND_PHYSICAL, admitDate(owner)), "Filed to the wrong patient");

        assertThat(documents.find(filed.id()).orElseThrow().isEnteredInError()).isTrue();
        assertThat(scanned(owner).current().status()).isEqualTo(DocumentStatus.FINAL);
        Eventually.within(WAIT, "the flag resolves and the H&P leaves the first chart",
                () -> open(chart, "SCAN_MISINDEXED") == 0 && open(chart, "HP_MISSING") == 1);
        Eventually.within(WAIT, "the owner's chart is complete", () -> open(owner, "HP_MISSING") == 0);
    }

    @Test
    void anUnsignedScanWaitsForTheAttendingsSignatureAndAPaperSignatureNeedsAnEncounter() {
        QualityFixtures.Chart chart = chartWithoutHistoryAndPhysical();
        Scan scan = accept();
        assertThatThrownBy(() -> indexing.index(indexer, "test", scan.id(), new Filing(chart.patientId(), null,
                DocumentType.HISTORY_AND_PHYSICAL, admitDate(chart)), true))
                .isInstanceOf(ScanRefused.class).hasMessageContaining("filed to an encounter");

        indexing.index(indexer, "test", scan.id(), new Filing(chart.patientId(), chart.encounter.id(),
                DocumentType.HISTORY_AND_PHYSICAL, admitDate(chart)));

        ClinicalDocument filed = scanned(chart);
        assertThat(filed.current().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(filed.current().authorId()).isEqualTo(doctor.id());
        Eventually.within(WAIT, "the unsigned scan is the attending's deficiency",
                () -> open(chart, "DOCUMENT_UNSIGNED") == 1 && open(chart, "HP_MISSING") == 0);
        assertThat(findings.openFor(List.of(chart.patientId()))).filteredOn(f -> f.finding().ruleId().equals("DOCUMENT_UNSIGNED"))
                .singleElement().satisfies(f -> assertThat(f.finding().responsibleId()).isEqualTo(doctor.id()));
    }

    private QualityFixtures.Chart chartWithoutHistoryAndPhysical() {
        QualityFixtures.Chart chart = fixtures.cleanInpatient(hospital, doctor, 10);
        chart.withoutDocument(DocumentType.HISTORY_AND_PHYSICAL);
        fixtures.write(chart);
        return chart;
    }

    private ClinicalDocument scanned(QualityFixtures.Chart chart) {
        return documents.forPatient(chart.patientId()).stream()
                .filter(d -> d.current().provenance().sourceSystem().equals(ScanChartDocuments.SOURCE))
                .filter(d -> !d.isEnteredInError()).findFirst().orElseThrow();
    }

    private static LocalDate admitDate(QualityFixtures.Chart chart) {
        return LocalDate.ofInstant(chart.encounter.admitAt(), ZoneOffset.UTC);
    }

    private Scan accept() {
        Intake result = intake.receive(new ByteArrayInputStream(ScanSamples.pdf(2, "history " + suffix)), "hp.pdf",
                "application/pdf", hospital.id(), ScanActor.of(indexer, "test"));
        assertThat(result).isInstanceOf(Intake.Accepted.class);
        return ((Intake.Accepted) result).scan();
    }

    private long open(QualityFixtures.Chart chart, String rule) {
        return findings.openFor(List.of(chart.patientId())).stream().filter(f -> f.finding().ruleId().equals(rule)).count();
    }

    private CustodianUser user(String name, Role role) {
        context.getBean(UserAccounts.class).createOrReset(new NewUser(name, name, "correct horse battery", Set.of(role),
                Set.of(hospital.id())), "test");
        return (CustodianUser) context.getBean(CustodianUserDetailsService.class).loadUserByUsername(name);
    }
}
