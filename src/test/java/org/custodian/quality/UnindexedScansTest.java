package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.CustodianUserDetailsService;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.scanning.Filing;
import org.custodian.scanning.Intake;
import org.custodian.scanning.Scan;
import org.custodian.scanning.ScanActor;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanIntake;
import org.custodian.scanning.ScanSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scanning QA: a scan still waiting in the indexing queue after the policy days (3) is a finding of
 * its facility, in no patient's chart; filing it to a chart resolves the finding on its own.
 */
@IntegrationTest
class UnindexedScansTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ApplicationContext context;
    @Autowired
    ScanIntake intake;
    @Autowired
    ScanIndexing indexing;
    @Autowired
    UnindexedScans unindexed;
    @Autowired
    QualityScans scans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aScanWaitingPastThePolicyDaysIsAFindingUntilItIsFiled() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QUS" + suffix);
        CustodianUser indexer = user("qus.indexer." + suffix.toLowerCase(), hospital);
        Intake received = intake.receive(new ByteArrayInputStream(ScanSamples.pdf(3, "consent " + suffix)), "consent.pdf",
                "application/pdf", hospital.id(), ScanActor.of(indexer, "test"));
        Scan scan = ((Intake.Accepted) received).scan();

        Instant twoDaysOn = Instant.now().plus(Duration.ofDays(2));
        assertThat(unindexed.overdue(twoDaysOn)).extracting(Finding::subject).doesNotContain(scan.id().toString());

        Instant fourDaysOn = Instant.now().plus(Duration.ofDays(4));
        tx.execute(s -> unindexed.check(fourDaysOn));
        assertThat(status(scan)).isEqualTo("OPEN");
        Finding finding = unindexed.overdue(fourDaysOn).stream().filter(f -> f.subject().equals(scan.id().toString()))
                .findFirst().orElseThrow();
        assertThat(finding.ruleId()).isEqualTo("SCAN_UNINDEXED");
        assertThat(finding.patientId()).as("in no chart yet").isNull();
        assertThat(finding.facilityId()).isEqualTo(hospital.id());
        assertThat(finding.location()).isEqualTo("Scanned file 'consent.pdf' (PDF, 3 pages, scan " + scan.id()
                + ") in the indexing queue");
        assertThat(finding.message()).startsWith("Uploaded by " + indexer.getUsername() + " 4 days ago")
                .endsWith("still not indexed to a patient and encounter; scans are due to be indexed within 3 days.");
        assertThat(scans.rules()).extracting(QualityScans.RuleInfo::id).contains("SCAN_UNINDEXED");

        QualityFixtures.Chart chart = fixtures.cleanInpatient(hospital, fixtures.physician("Ivy", "Index" + suffix), 10);
        fixtures.write(chart);
        indexing.index(indexer, "test", scan.id(), new Filing(chart.patientId(), chart.encounter.id(),
                DocumentType.OTHER, chart.encounter.admitAt().atZone(ZoneOffset.UTC).toLocalDate()));
        Eventually.within(WAIT, "filing the scan resolves its finding", () -> status(scan).equals("RESOLVED"));
        assertThat(unindexed.overdue(fourDaysOn)).extracting(Finding::subject).doesNotContain(scan.id().toString());
    }

    private String status(Scan scan) {
        return jdbc.sql("SELECT status FROM quality_finding WHERE rule_id = 'SCAN_UNINDEXED' AND subject = :s")
                .param("s", scan.id().toString()).query(String.class).optional().orElse("none");
    }

    private CustodianUser user(String name, Facility at) {
        context.getBean(UserAccounts.class).createOrReset(new NewUser(name, name, "correct horse battery",
                Set.of(Role.CODER), Set.of(at.id())), "test");
        return (CustodianUser) context.getBean(CustodianUserDetailsService.class).loadUserByUsername(name);
    }
}
