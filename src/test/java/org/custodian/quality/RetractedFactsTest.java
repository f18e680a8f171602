package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.quality.QualityFixtures.Chart;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.custodian.record.Provenance;
import org.custodian.record.RecordRetractions;
import org.custodian.record.RecordVersions.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facts retracted as entered in error ({@code record.RecordRetractions}) are no longer part of the
 * record: the rules do not check them, their findings resolve, and the deficiency workqueues and
 * scorecards leave a retracted encounter out at once, before the rules have re-checked the patient.
 */
@IntegrationTest
class RetractedFactsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ApplicationContext context;
    @Autowired
    RecordRetractions retractions;
    @Autowired
    DeficiencyRepository deficiencies;
    @Autowired
    Scorecards scorecards;
    @Autowired
    QualityFindings findings;
    @Autowired
    QualityScans scans;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aRetractedEncounterLeavesTheQueuesAtOnceAndItsFindingsResolve() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QRT" + suffix());
        Practitioner doctor = fixtures.physician("Rita", "Retract");
        Chart c = fixtures.cleanInpatient(hospital, doctor, 10);
        c.withoutDocument(DocumentType.DISCHARGE_SUMMARY);
        fixtures.write(c);
        Eventually.within(WAIT, "the missing summary is found", () -> open(c, "DISCHARGE_SUMMARY_MISSING") == 1);
        Instant now = Instant.now();
        assertThat(deficiencies.charts(Set.of(hospital.id()), now, 30, true, 100)).extracting(ChartToReview::encounterId)
                .containsExactly(c.encounter.id());
        assertThat(deficiencies.open(Optional.empty(), Set.of(hospital.id()), now, 30, 100)).hasSize(1);
        assertThat(scorecards.scorecard(Set.of(hospital.id()), now).byFacility()).extracting(Scorecard.Row::discharges)
                .containsExactly(1);

        tx.executeWithoutResult(s -> {
            // inside the retracting transaction: the rules re-check the patient only after it commits
            retractions.retract(Fact.ENCOUNTER, c.encounter.id(), "registered in error (test)",
                    Provenance.now("test", "retraction", "tester"));
            Instant after = Instant.now();
            assertThat(open(c, "DISCHARGE_SUMMARY_MISSING")).as("the finding is still stored").isEqualTo(1);
            assertThat(deficiencies.charts(Set.of(hospital.id()), after, 30, true, 100)).as("no chart to review").isEmpty();
            assertThat(deficiencies.open(Optional.empty(), Set.of(hospital.id()), after, 30, 100)).as("no deficiency")
                    .isEmpty();
            assertThat(scorecards.scorecard(Set.of(hospital.id()), after).openByAge())
                    .extracting(Scorecard.AgeBucket::openDeficiencies).containsOnly(0);
            assertThat(scorecards.scorecard(Set.of(hospital.id()), after).byFacility()).as("no discharge counted").isEmpty();
        });
        Eventually.within(WAIT, "the retracted encounter's finding resolves", () -> open(c, "DISCHARGE_SUMMARY_MISSING") == 0);
    }

    @Test
    void aRetractedResultOrDiagnosisIsNotCheckedAndItsFindingResolves() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QRT" + suffix());
        Practitioner doctor = fixtures.physician("Rex", "Retract");
        Chart c = fixtures.cleanInpatient(hospital, doctor, 10);
        var badLab = QualityFixtures.lab(c, "2345-7", "Glucose", "180", "mmol/L", c.encounter.admitAt().plus(2, ChronoUnit.HOURS));
        c.observations.add(badLab);
        var conflict = new org.custodian.record.Diagnosis(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new org.custodian.record.CodedValue(QualityFixtures.ICD10CM, "N40.0", "Benign prostatic hyperplasia"), null, 2,
                false, c.encounter.admitAt(), null);
        c.diagnoses.add(conflict);
        fixtures.write(c);
        Eventually.within(WAIT, "the implausible glucose and the sex conflict are found",
                () -> open(c, "LAB_IMPLAUSIBLE") == 1 && open(c, "SEX_AGE_CONFLICT") == 1);

        retract(Fact.OBSERVATION, badLab.id());
        retract(Fact.DIAGNOSIS, conflict.id());
        Eventually.within(WAIT, "both findings resolve once their facts are retracted",
                () -> open(c, "LAB_IMPLAUSIBLE") == 0 && open(c, "SEX_AGE_CONFLICT") == 0);
        scans.check(Set.of(c.patientId()));
        assertThat(findings.openFor(List.of(c.patientId()))).as("a full re-check finds nothing on the retracted facts")
                .isEmpty();
    }

    private void retract(Fact fact, UUID id) {
        tx.executeWithoutResult(s -> retractions.retract(fact, id, "entered in error (test)",
                Provenance.now("test", "retraction", "tester")));
    }

    private long open(Chart c, String rule) {
        return findings.openFor(List.of(c.patientId())).stream().filter(f -> f.finding().ruleId().equals(rule)).count();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
