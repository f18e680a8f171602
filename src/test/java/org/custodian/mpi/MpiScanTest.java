package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The batch scan over one facility's patients (so other classes' patients in the shared database stay apart). */
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
    @Autowired
    PatientMerges merges;
    @Autowired
    JdbcClient jdbc;

    final Actor reviewer = new Actor("him.hit", "CODER", "127.0.0.1");

    private Facility clinic() {
        return new RecordFixtures(facilities, writer, tx).facility("SCAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                FacilityType.PHYSICIAN_OFFICE);
    }

    @Test
    void aCertainPairIsMergedThroughTheReversibleAuditedPathAndAnUnmergeIsNeverUndoneByTheNextScan() {
        Facility clinic = clinic();
        MpiFixtures fixtures = new MpiFixtures(writer, tx);
        Patient first = fixtures.register("Thaddeus", "Vanterpool", LocalDate.of(1966, 5, 14), Sex.MALE,
                "88 Orchard Lane", "617-555-0177", "318-22-4567", clinic, "SC-" + UUID.randomUUID());
        Patient second = fixtures.register("Thaddeus", "Vanterpool", LocalDate.of(1966, 5, 14), Sex.MALE,
                "88 Orchard Ln", "617-555-0177", "318-22-4567", clinic, "SC-" + UUID.randomUUID());

        MpiScan.Summary summary = scan.scan(Thresholds.DEFAULT, clinic.id(), reviewer, Progress.NONE);

        assertThat(summary.autoLink()).isEqualTo(1);
        assertThat(summary.linked()).isEqualTo(1);
        assertThat(summary.newTasks()).isZero();
        PatientMerges.Merge merge = merges.recent(50).stream()
                .filter(m -> Set.of(m.survivorId(), m.retiredId()).equals(Set.of(first.id(), second.id())))
                .findFirst().orElseThrow();
        assertThat(merge.source()).isEqualTo(MergeSource.AUTO_LINK);
        assertThat(merge.survivorId()).as("the record registered first survives").isEqualTo(first.id());
        assertThat(merges.survivorsOf(Set.of(second.id()))).containsEntry(second.id(), first.id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id IN (:a, :b) AND detail LIKE :d")
                .param("a", first.id()).param("b", second.id()).param("d", "merge " + merge.id() + " (AUTO_LINK)%")
                .query(Long.class).single()).isEqualTo(2);

        merges.unmerge(merge.id(), reviewer);
        MpiScan.Summary again = scan.scan(Thresholds.DEFAULT, clinic.id(), reviewer, Progress.NONE);

        assertThat(again.linked()).as("a person undid the link; the scan does not redo it").isZero();
        assertThat(merges.survivorsOf(Set.of(first.id(), second.id()))).isEmpty();
    }

    @Test
    void uncertainPairsAreQueuedTwinsAreNotAndANotDuplicateDecisionIsNeverProposedAgain() {
        Facility clinic = clinic();
        MpiFixtures fixtures = new MpiFixtures(writer, tx);
        String family = "Quillfeather" + (char) ('a' + (int) (Math.random() * 26));
        Patient maiden = fixtures.register("Rosalind", family, LocalDate.of(1979, 2, 23), Sex.FEMALE,
                "12 Beacon Street", "617-555-0140", null, clinic, "SC-" + UUID.randomUUID());
        Patient married = fixtures.register("Rosalind", "Okafor", LocalDate.of(1979, 2, 23), Sex.FEMALE,
                "40 Tremont Street", "617-555-0999", null, clinic, "SC-" + UUID.randomUUID());
        Patient twin = fixtures.register("Octavius", family, LocalDate.of(1979, 2, 23), Sex.MALE,
                "12 Beacon Street", "617-555-0140", "318-22-9999", clinic, "SC-" + UUID.randomUUID());

        MpiScan.Summary summary = scan.scan(Thresholds.DEFAULT, clinic.id(), reviewer, Progress.NONE);

        assertThat(summary.stats().pairsCompared()).isPositive();
        assertThat(summary.linked()).isZero();
        var ours = queue.waiting(500, reviewer).stream()
                .filter(e -> Set.of(maiden.id(), married.id(), twin.id()).contains(e.task().patientA())).toList();
        assertThat(ours).singleElement().satisfies(e -> {
            assertThat(Set.of(e.task().patientA(), e.task().patientB())).containsExactlyInAnyOrder(maiden.id(), married.id());
            assertThat(e.task().decision()).isEqualTo("review");
        });
        assertThat(matcher.candidates(new Demographics(null, "Octavius", family, LocalDate.of(1979, 2, 23),
                Sex.MALE, null, null, null, null, null, "318-22-9999"), clinic.id()))
                .extracting(PatientMatcher.Candidate::patientId).containsExactly(twin.id());

        queue.decide(ours.getFirst().task().id(), DuplicateQueue.Choice.NOT_DUPLICATE, null, reviewer);
        scan.scan(Thresholds.DEFAULT, clinic.id(), reviewer, Progress.NONE);

        assertThat(queue.waiting(500, reviewer)).noneMatch(e -> Set.of(maiden.id(), married.id(), twin.id())
                .contains(e.task().patientA()));
    }
}
