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

/** Real-time candidate lookup (what registration, ADT and FHIR create ask) on bad and misleading input. */
@IntegrationTest
class PatientMatcherTest {
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PatientMatcher matcher;

    private final String family = "Wexcombe" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);

    private Facility clinic() {
        return new RecordFixtures(facilities, writer, tx).facility("PM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                FacilityType.PHYSICIAN_OFFICE);
    }

    private Patient register(Facility at, String given, LocalDate birth, String ssn) {
        return new MpiFixtures(writer, tx).register(given, family, birth, Sex.MALE, "14 Elm Street", "617-555-0101",
                ssn, at, "PM-" + UUID.randomUUID());
    }

    private static Demographics probe(String given, String family, LocalDate birth, String ssn) {
        return new Demographics(null, given, family, birth, Sex.MALE, "14 Elm Street", "Boston", "MA", "02118",
                "617-555-0101", ssn);
    }

    private MatchDecision decisionFor(Patient existing, Demographics probe, Facility at) {
        return matcher.candidates(probe, at.id()).stream().filter(c -> c.patientId().equals(existing.id()))
                .map(PatientMatcher.Candidate::decision).findFirst().orElse(new MatchDecision.NoMatch());
    }

    @Test
    void theSamePersonWithGoodDemographicsIsAnAutoLinkCandidate() {
        Facility at = clinic();
        LocalDate birth = LocalDate.of(1971, 3, 8);
        Patient existing = register(at, "Cornelius", birth, "214-45-6789");

        assertThat(decisionFor(existing, probe("Cornelius", family, birth, "214-45-6789"), at))
                .isInstanceOf(MatchDecision.AutoLink.class);
    }

    @Test
    void absurdDemographicsAreNeverAnAutoLinkCandidateButAPersonSeesThem() {
        Facility at = clinic();
        LocalDate future = LocalDate.now().plusYears(3);
        Patient unborn = register(at, "Cornelius", future, "214-45-6789");
        LocalDate birth = LocalDate.of(1971, 3, 8);
        Patient initial = register(at, "C", birth, "214-45-6790");
        Patient zeros = register(at, "Marisol", LocalDate.of(1980, 6, 12), null);

        for (var c : java.util.List.of(
                java.util.Map.entry(unborn, probe("Cornelius", family, future, "214-45-6789")),
                java.util.Map.entry(initial, probe("C", family, birth, "214-45-6790")),
                java.util.Map.entry(zeros, probe("Marisol", family, LocalDate.of(1980, 6, 12), "000-00-0000")))) {
            MatchDecision decision = decisionFor(c.getKey(), c.getValue(), at);
            assertThat(decision).as(c.getValue().toString()).isNotInstanceOf(MatchDecision.AutoLink.class);
        }
        assertThat(decisionFor(unborn, probe("Cornelius", family, future, "214-45-6789"), at))
                .isInstanceOfSatisfying(MatchDecision.Review.class, r -> assertThat(r.reason()).contains("future"));
    }

    @Test
    void aRareGivenNameAndBirthDateWithADifferentFamilyNameIsNotLinkedUnseen() {
        Facility at = clinic();
        LocalDate birth = LocalDate.of(1966, 5, 14);
        Patient existing = register(at, "Thaddeus", birth, null);

        MatchDecision decision = decisionFor(existing, new Demographics(null, "Thaddeus", "Okonkwo", birth, Sex.MALE,
                "3 Pine Road", "Boston", "MA", "02118", "617-555-0388", null), at);

        assertThat(decision).isNotInstanceOf(MatchDecision.AutoLink.class);
    }
}
