package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.ChartRepository;
import org.custodian.record.ChartScope;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Labels, restrictions, the treating relationship, purpose of use and break-the-glass, on the real database. */
@IntegrationTest
class SensitiveAccessTest {
    @Autowired
    PhiAccess phi;
    @Autowired
    AccessPolicy policy;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    BreakGlass breakGlass;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    PractitionerRepository practitioners;
    @Autowired
    ChartRepository charts;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;

    Facility hospital;
    Patient patient;
    UUID openVisit;
    CustodianUser officer;
    CustodianUser coder;
    CustodianUser clinician;
    CustodianUser attending;
    CustodianUser auditor;

    @BeforeEach
    void world() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        String run = UUID.randomUUID().toString().substring(0, 6).toLowerCase();
        hospital = fixtures.facility("SA-" + run.toUpperCase(), FacilityType.HOSPITAL);
        patient = fixtures.patient("Sena", "Sitive" + run, LocalDate.of(1980, 1, 2), hospital, "S1");
        Practitioner doctor = practitioners.ensure(new Practitioner(UUID.randomUUID(), null, "Ada", "Attending"));
        openVisit = UUID.randomUUID();
        Instant admit = Instant.now().minus(1, ChronoUnit.DAYS);
        tx.executeWithoutResult(s -> writer.batch().encounter(new Encounter(openVisit, patient.id(), hospital.id(),
                "OPEN-" + run, EncounterClass.INPATIENT, admit, null, doctor.id(), null, "detox"),
                Provenance.now("test", "fixture", "tester")).flush());
        officer = user("officer" + run, Role.PRIVACY_OFFICER);
        coder = user("coder" + run, Role.CODER);
        clinician = user("clin" + run, Role.CLINICIAN);
        attending = user("attend" + run, Role.CLINICIAN);
        auditor = user("aud" + run, Role.AUDITOR);
        accounts.linkPractitioner(attending.getUsername(), doctor.id(), "test");
    }

    @Test
    void anUnlabelledRecordIsOpenToEveryoneAtTheFacilityWithTheReasonsStated() {
        AccessDecision decision = policy.decide(coder, Permission.READ_CHART, patient.id());
        assertThat(decision).isInstanceOf(AccessDecision.Permit.class);
        assertThat(decision.steps()).anySatisfy(s -> assertThat(s).contains("member of " + hospital.code()));
    }

    @Test
    void aPart2LabelKeepsEveryoneButTheTreatingClinicianOut() {
        labels.label(officer, patient.id(), LabelTarget.PATIENT, patient.id(), SensitivityLabel.SUBSTANCE_USE_PART2);

        assertThatThrownBy(() -> phi.chart(coder, patient.id())).isInstanceOf(PhiAccessDenied.class)
                .satisfies(e -> {
                    PhiAccessDenied denied = (PhiAccessDenied) e;
                    assertThat(denied.emergencyAccess()).isTrue();
                    assertThat(denied.steps()).anySatisfy(s -> assertThat(s).contains("sensitivity label"));
                    assertThat(String.join(" ", denied.steps())).as("no label names shown").doesNotContain("PART2");
                    assertThat(denied.reason()).contains("SUBSTANCE_USE_PART2", "PAYMENT");
                });
        assertThatThrownBy(() -> phi.chart(clinician, patient.id())).isInstanceOf(PhiAccessDenied.class);
        assertThatThrownBy(() -> phi.chart(officer, patient.id())).isInstanceOf(PhiAccessDenied.class);

        assertThat(phi.chart(attending, patient.id())).isPresent();
        assertThat(lastEvent(attending).detail()).contains("attending on open encounter OPEN-");
        assertThatThrownBy(() -> phi.chart(attending, patient.id(), ChartScope.RECENT, PurposeOfUse.PAYMENT))
                .as("the relationship counts for treatment only").isInstanceOf(PhiAccessDenied.class);
    }

    @Test
    void aBehaviouralHealthLabelAllowsCodingAndOversightButNotAnUnrelatedClinician() {
        labels.label(officer, patient.id(), LabelTarget.PATIENT, patient.id(), SensitivityLabel.BEHAVIORAL_HEALTH);
        assertThat(phi.chart(coder, patient.id())).isPresent();
        assertThat(phi.chart(officer, patient.id())).isPresent();
        assertThatThrownBy(() -> phi.chart(clinician, patient.id())).isInstanceOf(PhiAccessDenied.class);
        assertThat(lastEvent(clinician).outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(lastEvent(clinician).detail()).contains("BEHAVIORAL_HEALTH", "TREATMENT");
    }

    @Test
    void aLabelledEncounterIsLeftOutOfTheChartAndItsDocumentsRefused() {
        UUID documentId = charts.chart(patient.id(), ChartScope.FULL).orElseThrow().documents().getFirst().id();
        UUID labelledVisit = charts.chart(patient.id(), ChartScope.FULL).orElseThrow().documents().getFirst().encounterId();
        labels.label(officer, patient.id(), LabelTarget.ENCOUNTER, labelledVisit, SensitivityLabel.HIV);

        var seenByClinician = phi.chart(clinician, patient.id()).orElseThrow();
        assertThat(seenByClinician.encounters()).extracting(e -> e.id()).doesNotContain(labelledVisit).contains(openVisit);
        assertThat(seenByClinician.documents()).isEmpty();
        assertThat(seenByClinician.diagnoses()).isEmpty();
        assertThatThrownBy(() -> phi.document(clinician, documentId)).isInstanceOf(PhiAccessDenied.class);

        assertThat(phi.chart(coder, patient.id()).orElseThrow().documents()).hasSize(1);
        assertThat(phi.document(coder, documentId)).isPresent();
    }

    @Test
    void aRestrictionThePatientAskedForKeepsTheNamedUserOut() {
        labels.restrict(officer, patient.id(), coder.getUsername(), null, "neighbour of the patient");
        assertThatThrownBy(() -> phi.chart(coder, patient.id())).isInstanceOf(PhiAccessDenied.class)
                .satisfies(e -> assertThat(((PhiAccessDenied) e).steps())
                        .anySatisfy(s -> assertThat(s).contains("asked", "kept from you")));
        assertThat(phi.chart(clinician, patient.id())).isPresent();

        UUID id = labels.restrictions(officer, patient.id()).getFirst().id();
        labels.endRestriction(officer, patient.id(), id);
        assertThat(phi.chart(coder, patient.id())).isPresent();
    }

    @Test
    void breakingTheGlassGivesTimeLimitedAccessAndQueuesItForReview() {
        labels.label(officer, patient.id(), LabelTarget.PATIENT, patient.id(), SensitivityLabel.VIP);
        assertThatThrownBy(() -> phi.chart(clinician, patient.id())).isInstanceOf(PhiAccessDenied.class);
        assertThatThrownBy(() -> breakGlass.declare(clinician, patient.id(), "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");

        Instant until = breakGlass.declare(clinician, patient.id(), "Unconscious in the ED, need allergies");
        assertThat(until).isAfter(Instant.now().plus(3, ChronoUnit.HOURS));
        assertThat(phi.chart(clinician, patient.id())).isPresent();
        assertThat(lastEvent(clinician).detail()).contains("break-the-glass");

        var queued = breakGlass.queue(officer, 50);
        var event = queued.stream().filter(e -> e.username().equals(clinician.getUsername())).findFirst().orElseThrow();
        assertThat(event.reviewed()).isFalse();
        assertThat(event.reason()).contains("Unconscious");
        assertThat(event.deniedBecause()).contains("VIP");

        breakGlass.review(officer, event.id(), BreakGlass.ReviewOutcome.INAPPROPRIATE, "not in the ED that day");
        assertThatThrownBy(() -> phi.chart(clinician, patient.id()))
                .as("an inappropriate access ends at once").isInstanceOf(PhiAccessDenied.class);
        assertThat(lastEvent(officer).action()).isEqualTo(AuditAction.REVIEW);
    }

    @Test
    void noEmergencyAccessForARoleThatReadsNoChartsOrForARecordAlreadyOpen() {
        assertThatThrownBy(() -> breakGlass.declare(auditor, patient.id(), "I would like to look please"))
                .isInstanceOf(PhiAccessDenied.class);
        assertThat(lastEvent(auditor).action()).isEqualTo(AuditAction.EMERGENCY_ACCESS);
        assertThat(lastEvent(auditor).outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThatThrownBy(() -> breakGlass.declare(coder, patient.id(), "I would like to look please"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already have access");
    }

    @Test
    void onlyThoseWhoManageSensitivityMayLabel() {
        assertThatThrownBy(() -> labels.label(coder, patient.id(), LabelTarget.PATIENT, patient.id(),
                SensitivityLabel.HIV)).isInstanceOf(PhiAccessDenied.class);
        assertThatThrownBy(() -> labels.label(officer, patient.id(), LabelTarget.ENCOUNTER, UUID.randomUUID(),
                SensitivityLabel.HIV)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not this patient's");
    }

    private CustodianUser user(String username, Role role) {
        return accounts.createOrReset(new NewUser(username, username, "correct horse battery", Set.of(role),
                Set.of(hospital.id())), "test");
    }

    private AuditEvent lastEvent(CustodianUser user) {
        return audit.search(new AuditQuery(user.getUsername(), null, null, null, null, null, false, 0, 1)).events().getFirst();
    }
}
