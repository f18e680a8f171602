package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
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

/**
 * Registration asks the MPI at once: a certain duplicate is linked by the reviewer's merge path
 * (audited, undone by unmerge), a likely one queued, per the facility's thresholds; bad input is refused.
 */
@IntegrationTest
class PatientRegistrationTest {
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PatientRegistration registration;
    @Autowired
    PatientMerges merges;
    @Autowired
    ThresholdStore thresholds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    final Actor clerk = new Actor("registration.clerk", "CODER", "127.0.0.1");
    private final String family = "Quenby" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
    // each test its own person: no other test's (or earlier run's) patient shares the birth date and numbers
    private final java.util.Random random = new java.util.Random();
    private final LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000));
    private final String ssn = "31" + (1 + random.nextInt(8)) + "-" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(8999));
    private final String phone = "617-555-" + (1000 + random.nextInt(8999));

    private Facility facility() {
        return new RecordFixtures(facilities, writer, tx).facility("REG-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(), FacilityType.HOSPITAL);
    }

    private Patient existing(Facility at) {
        return new MpiFixtures(writer, tx).register("Rosalind", family, birth, Sex.FEMALE, "14 Elm Street",
                phone, ssn, at, "OLD-" + UUID.randomUUID());
    }

    private PatientRegistration.Form form(Facility at, String given, LocalDate born, String ssn) {
        return form(at, given, born, ssn, phone);
    }

    private PatientRegistration.Form form(Facility at, String given, LocalDate born, String ssn, String phone) {
        return new PatientRegistration.Form(at.id(), "NEW-" + UUID.randomUUID(), given, family, born, Sex.FEMALE,
                "14 Elm Street", "Boston", "MA", "02118", phone, ssn);
    }

    private String taskStatus(UUID a, UUID b) {
        return jdbc.sql("""
                SELECT status || ' ' || source FROM mpi_review_task
                 WHERE patient_a = least(:a::uuid, :b::uuid) AND patient_b = greatest(:a::uuid, :b::uuid)""")
                .param("a", a).param("b", b).query(String.class).single();
    }

    @Test
    void aCertainDuplicateIsLinkedAtOnceThroughAnAuditedMergeThatUnmergeUndoes() {
        Facility at = facility();
        Patient old = existing(at);

        PatientRegistration.Outcome outcome = registration.register(form(at, "Rosalind", birth, ssn), clerk);

        assertThat(outcome.candidates()).first().satisfies(c -> {
            assertThat(c.patientId()).isEqualTo(old.id());
            assertThat(c.decision()).isInstanceOf(MatchDecision.AutoLink.class);
        });
        assertThat(outcome.linkedInto()).contains(old.id());
        PatientMerges.Merge merge = merges.recent(50).stream()
                .filter(m -> m.retiredId().equals(outcome.patientId())).findFirst().orElseThrow();
        assertThat(merge.survivorId()).isEqualTo(old.id());
        assertThat(merge.source()).isEqualTo(MergeSource.AUTO_LINK);
        assertThat(taskStatus(old.id(), outcome.patientId())).isEqualTo("MERGED REALTIME");
        var trail = audit.search(new AuditQuery(null, outcome.patientId(), null, null, null, null, false, 0, 100));
        assertThat(trail.events()).extracting(e -> e.detail())
                .anyMatch(d -> d.startsWith("registered"))
                .anyMatch(d -> d.startsWith("merge " + merge.id()));

        merges.unmerge(merge.id(), new Actor("him.director", "HIM_DIRECTOR", "127.0.0.1"));
        assertThat(merges.survivorsOf(java.util.List.of(outcome.patientId()))).isEmpty();
    }

    @Test
    void theFacilitysThresholdsDecide_aCertainDuplicateWaitsForAPersonWhereAutoLinkIsSetOutOfReach() {
        Facility at = facility();
        thresholds.set(at.id(), new Thresholds(500, 10));
        Patient old = existing(at);

        PatientRegistration.Outcome outcome = registration.register(form(at, "Rosalind", birth, ssn), clerk);

        assertThat(outcome.linkedInto()).isEmpty();
        assertThat(outcome.candidates()).extracting(PatientMatcher.Candidate::patientId).contains(old.id());
        assertThat(taskStatus(old.id(), outcome.patientId())).isEqualTo("OPEN REALTIME");
    }

    @Test
    void aLikelyDuplicateIsQueuedForReviewNotLinked() {
        Facility at = facility();
        Patient old = existing(at);

        // another given name, no SSN: a household member or a mistake, for a person to decide
        PatientRegistration.Outcome outcome = registration.register(form(at, "Margery", birth, null), clerk);

        assertThat(outcome.linkedInto()).isEmpty();
        assertThat(taskStatus(old.id(), outcome.patientId())).startsWith("OPEN");
    }

    @Test
    void absurdDemographicsAreRefusedNamingTheField() {
        Facility at = facility();

        assertThatThrownBy(() -> registration.register(form(at, "Rosalind", LocalDate.now().plusDays(3), null), clerk))
                .isInstanceOfSatisfying(PatientRegistration.Refused.class,
                        r -> assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("birth date").contains("future")));
        assertThatThrownBy(() -> registration.register(form(at, "Rosalind", birth, "12-34"), clerk))
                .isInstanceOfSatisfying(PatientRegistration.Refused.class,
                        r -> assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("SSN")));
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family = :f").param("f", family).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aOneLetterNameOrAnAllZeroSsnIsNeverLinkedUnseenEvenWhenAllElseAgrees() {
        Facility at = facility();
        MpiFixtures fixtures = new MpiFixtures(writer, tx);
        Patient initial = fixtures.register("R", family, birth, Sex.FEMALE, "14 Elm Street", phone, ssn, at,
                "OLD-" + UUID.randomUUID());
        LocalDate otherBirth = birth.plusDays(1);
        Patient zeros = fixtures.register("Rosalind", family, otherBirth, Sex.FEMALE, "14 Elm Street", phone,
                "000-00-0000", at, "OLD-" + UUID.randomUUID());

        PatientRegistration.Outcome again = registration.register(form(at, "R", birth, ssn), clerk);
        PatientRegistration.Outcome zeroed = registration.register(form(at, "Rosalind", otherBirth, "000-00-0000"), clerk);

        assertThat(again.linkedInto()).isEmpty();
        assertThat(taskStatus(initial.id(), again.patientId())).startsWith("OPEN");
        assertThat(zeroed.linkedInto()).isEmpty();
        assertThat(taskStatus(zeros.id(), zeroed.patientId())).startsWith("OPEN");
    }
}
