package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MpiScanTest {
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MpiScan scan;
    @Autowired
    DuplicateQueue queue;
    @Autowired
    PatientMatcher matcher;

    final Actor reviewer = new Actor("him.hit", "CODER", "127.0.0.1");

    @Test
    void aScanQueuesDuplicatesAndANotDuplicateDecisionIsNeverProposedAgain() {
        Facility clinic = new RecordFixtures(facilities, writer, tx).facility("SCAN1", FacilityType.PHYSICIAN_OFFICE);
        MpiFixtures fixtures = new MpiFixtures(writer, tx);
        Patient first = fixtures.register("Thaddeus", "Vanterpool", LocalDate.of(1966, 5, 14), Sex.MALE,
                "88 Orchard Lane", "617-555-0177", "318-22-4567", clinic, "SC-" + UUID.randomUUID());
        Patient second = fixtures.register("Thadeus", "Vanterpool", LocalDate.of(1966, 5, 14), Sex.MALE,
                "88 Orchard Ln", "617-555-0177", null, clinic, "SC-" + UUID.randomUUID());
        Patient twin = fixtures.register("Octavia", "Vanterpool", LocalDate.of(1966, 5, 14), Sex.FEMALE,
                "88 Orchard Lane", "617-555-0177", "318-22-9999", clinic, "SC-" + UUID.randomUUID());

        MpiScan.Summary summary = scan.scan(Thresholds.DEFAULT, reviewer, Progress.NONE);

        assertThat(summary.stats().pairsCompared()).isPositive();
        var ours = queue.waiting(500, reviewer).stream()
                .filter(e -> e.a().family().equals("Vanterpool")).toList();
        assertThat(ours).singleElement().satisfies(e -> assertThat(java.util.Set.of(e.task().patientA(), e.task().patientB()))
                .containsExactlyInAnyOrder(first.id(), second.id()));
        assertThat(matcher.candidates(new Demographics(null, "Octavia", "Vanterpool", LocalDate.of(1966, 5, 14),
                Sex.FEMALE, null, null, null, null, null, "318-22-9999"), clinic.id()))
                .extracting(PatientMatcher.Candidate::patientId).containsExactly(twin.id());

        queue.decide(ours.getFirst().task().id(), DuplicateQueue.Choice.NOT_DUPLICATE, null, reviewer);
        scan.scan(Thresholds.DEFAULT, reviewer, Progress.NONE);

        assertThat(queue.waiting(500, reviewer)).noneMatch(e -> e.a().family().equals("Vanterpool"));
    }
}
