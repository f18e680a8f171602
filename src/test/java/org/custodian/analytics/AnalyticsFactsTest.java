package org.custodian.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.PhiAccessDenied;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.EncounterRepository;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Observation;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AnalyticsFactsTest {
    static final Instant BASE = LocalDate.of(2025, 3, 10).atStartOfDay(ZoneId.systemDefault()).plusHours(9).toInstant();
    static final Period MARCH_TO_JUNE = new Period(YearMonth.of(2025, 3), YearMonth.of(2025, 6));

    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    EncounterRepository encounters;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DeliveryMetrics metrics;
    @Autowired
    OutcomeMeasures measures;
    @Autowired
    Analytics analytics;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    final Provenance prov = Provenance.now("test", null, "tester");
    Facility hospital;

    @BeforeEach
    void aHospital() {
        String code = "AN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        hospital = facilities.ensure(new Facility(UUID.randomUUID(), code, code + " Hospital", FacilityType.HOSPITAL,
                "Boston", "MA"));
    }

    @Test
    void aStayFollowedByAnAdmissionWithinThirtyDaysIsReadmitted() {
        Patient p = patient("Ada", LocalDate.of(1950, 1, 1));
        write(p, stay(p, BASE, 2), stay(p, BASE.plus(15, ChronoUnit.DAYS), 3));

        List<MonthlyStays> stays = metrics.inpatientStays(Set.of(hospital.id()), MARCH_TO_JUNE);
        MonthlyStays march = stays.getFirst();
        assertThat(stays).hasSize(4);
        assertThat(march.month()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(march.discharges()).isEqualTo(2);
        assertThat(march.inpatientDays()).isEqualTo(5);
        assertThat(march.averageLengthOfStay()).isEqualTo(2.5);
        assertThat(march.indexStays()).isEqualTo(2);
        assertThat(march.readmissions()).isEqualTo(1);
        assertThat(march.readmissionRate()).isEqualTo(0.5);
        assertThat(stays.get(1).discharges()).isZero();
        assertThat(stays.get(1).readmissionRate()).isNull();
    }

    @Test
    void anAdmissionAfterThirtyDaysOrADeathInTheStayIsNoReadmission() {
        Patient p = patient("Grace", LocalDate.of(1945, 5, 5));
        Encounter first = stay(p, BASE, 1);
        Encounter died = new Encounter(UUID.randomUUID(), p.id(), hospital.id(), "V" + UUID.randomUUID(),
                EncounterClass.INPATIENT, BASE.plus(45, ChronoUnit.DAYS), BASE.plus(47, ChronoUnit.DAYS), null,
                "Expired", "sepsis");
        Encounter later = stay(p, BASE.plus(50, ChronoUnit.DAYS), 1);
        write(p, first, died, later);

        List<MonthlyStays> stays = metrics.inpatientStays(Set.of(hospital.id()), MARCH_TO_JUNE);
        assertThat(stays.get(0).readmissions()).isZero();
        MonthlyStays april = stays.get(1);
        assertThat(april.discharges()).isEqualTo(2);
        assertThat(april.indexStays()).as("the stay in which the patient died is no index stay").isEqualTo(1);
        assertThat(april.readmissions()).isZero();
    }

    @Test
    void admissionsAndCodesAreCountedByMonthClassAndFacility() {
        Patient p = patient("Alan", LocalDate.of(1960, 6, 7));
        Encounter inpatient = stay(p, BASE, 2);
        Encounter visit = new Encounter(UUID.randomUUID(), p.id(), hospital.id(), "V" + UUID.randomUUID(),
                EncounterClass.OUTPATIENT, BASE.plus(40, ChronoUnit.DAYS), BASE.plus(40, ChronoUnit.DAYS), null, null,
                "check-up");
        write(p, inpatient, visit);
        refreshedAfter(() -> writer.batch()
                .diagnosis(dx(p, inpatient, "I10"), prov).diagnosis(dx(p, visit, "I10"), prov)
                .diagnosis(dx(p, visit, "E11.9"), prov).flush());

        assertThat(metrics.admissionsByMonth(Set.of(hospital.id()), MARCH_TO_JUNE)).containsExactly(
                new MonthlyVolume(YearMonth.of(2025, 3), EncounterClass.INPATIENT, 1),
                new MonthlyVolume(YearMonth.of(2025, 4), EncounterClass.OUTPATIENT, 1));
        assertThat(metrics.admissionsByFacility(Set.of(hospital.id()), MARCH_TO_JUNE)).containsExactly(
                new FacilityVolume(hospital.name(), EncounterClass.INPATIENT, 1), new FacilityVolume(hospital.name(), EncounterClass.OUTPATIENT, 1));
        List<CodeCount> top = metrics.topCodes(CodeKind.DIAGNOSIS, Set.of(hospital.id()), MARCH_TO_JUNE, 10);
        assertThat(top).extracting(CodeCount::code, CodeCount::encounters)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("I10", 2L),
                        org.assertj.core.groups.Tuple.tuple("E11.9", 1L));
        assertThat(top.getFirst().systemName()).isEqualTo("ICD-10-CM");
        assertThat(metrics.admissionsByMonth(Set.of(UUID.randomUUID()), MARCH_TO_JUNE))
                .as("another facility's figures are not included").isEmpty();
    }

    @Test
    void aDischargeArrivingLaterUpdatesTheFiguresThroughTheRecordEvent() {
        Patient p = patient("Edsger", LocalDate.of(1955, 2, 2));
        Encounter open = new Encounter(UUID.randomUUID(), p.id(), hospital.id(), "V" + UUID.randomUUID(),
                EncounterClass.INPATIENT, BASE, null, null, null, "fall");
        write(p, open);
        assertThat(metrics.inpatientStays(Set.of(hospital.id()), MARCH_TO_JUNE).getFirst().discharges()).isZero();

        refreshedAfter(() -> encounters.discharge(open, BASE.plus(4, ChronoUnit.DAYS), "home", prov));

        MonthlyStays march = metrics.inpatientStays(Set.of(hospital.id()), MARCH_TO_JUNE).getFirst();
        assertThat(march.discharges()).isEqualTo(1);
        assertThat(march.inpatientDays()).isEqualTo(4);
    }

    @Test
    void outcomeMeasuresLookAtTheLastResultAndListTheirPatientsBehindAnAuditedDecision() {
        Patient poor = patient("Mary", LocalDate.of(1970, 1, 1));
        Patient controlled = patient("John", LocalDate.of(1971, 1, 1));
        Patient untested = patient("Sue", LocalDate.of(1972, 1, 1));
        Patient tooOld = patient("Ethel", LocalDate.of(1930, 1, 1));
        for (Patient p : List.of(poor, controlled, untested, tooOld)) {
            Encounter visit = stay(p, BASE, 1);
            write(p, visit);
            tx.executeWithoutResult(s -> writer.batch().diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), visit.id(),
                    new CodedValue(OutcomeMeasure.SNOMED, "44054006", "Diabetes mellitus type 2"), null, null, false,
                    BASE, null), prov).flush());
        }
        hba1c(poor, "7.0", BASE);
        hba1c(poor, "9.6", BASE.plus(30, ChronoUnit.DAYS));
        hba1c(controlled, "10.2", BASE);
        hba1c(controlled, "7.1", BASE.plus(30, ChronoUnit.DAYS));
        hba1c(tooOld, "11", BASE);

        MeasureSummary diabetes = measures.summaries(Set.of(hospital.id())).stream()
                .filter(s -> s.measure() == OutcomeMeasure.DIABETES_HBA1C_POOR_CONTROL).findFirst().orElseThrow();
        assertThat(diabetes.population()).isEqualTo(3);
        assertThat(diabetes.numerator()).isEqualTo(1);
        assertThat(diabetes.withoutResult()).isEqualTo(1);

        CustodianUser director = user(Role.HIM_DIRECTOR);
        List<MeasurePatient> list = measures.patients(director, OutcomeMeasure.DIABETES_HBA1C_POOR_CONTROL,
                Set.of(hospital.id()));
        assertThat(list).extracting(MeasurePatient::given).containsExactly("Mary", "John", "Sue");
        assertThat(list.getFirst().lastResult()).isEqualTo("9.6 %");
        assertThat(list.getFirst().inNumerator()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SEARCH' "
                + "AND detail LIKE 'outcome measure diabetes-hba1c-poor-control%3 results'", Long.class,
                director.getUsername())).isEqualTo(1);

        CustodianUser auditor = user(Role.AUDITOR);
        assertThatThrownBy(() -> measures.patients(auditor, OutcomeMeasure.DIABETES_HBA1C_POOR_CONTROL,
                Set.of(hospital.id()))).isInstanceOf(PhiAccessDenied.class);
    }

    @Test
    void aRebuildFromTheRecordGivesTheSameFiguresAsTheIncrementalRefresh() {
        Patient p = patient("Barbara", LocalDate.of(1980, 8, 8));
        write(p, stay(p, BASE, 3), stay(p, BASE.plus(10, ChronoUnit.DAYS), 1));
        List<MonthlyStays> incremental = metrics.inpatientStays(Set.of(hospital.id()), MARCH_TO_JUNE);
        List<Integer> steps = new java.util.ArrayList<>();

        analytics.rebuild(steps::add);

        assertThat(steps).containsExactly(1, 2, 3, 4);
        assertThat(metrics.inpatientStays(Set.of(hospital.id()), MARCH_TO_JUNE)).isEqualTo(incremental);
    }

    private Patient patient(String given, LocalDate birthDate) {
        Patient p = new Patient(UUID.randomUUID(), given, "Analytics", birthDate, Sex.FEMALE,
                new Patient.Address("1 Main St", "Boston", "MA", "02110"), null, null);
        tx.executeWithoutResult(s -> writer.batch().patient(p, null, prov)
                .identifier(p.id(), new Mrn(hospital.id(), "M" + UUID.randomUUID())).flush());
        return p;
    }

    private Encounter stay(Patient p, Instant admit, int days) {
        return new Encounter(UUID.randomUUID(), p.id(), hospital.id(), "V" + UUID.randomUUID(), EncounterClass.INPATIENT,
                admit, admit.plus(days, ChronoUnit.DAYS), null, "home", "observation");
    }

    private void write(Patient p, Encounter... stays) {
        refreshedAfter(() -> {
            RecordWriter.Batch batch = writer.batch();
            for (Encounter e : stays) {
                batch.encounter(e, prov);
            }
            batch.flush();
        });
    }

    /**
     * Commits the change, then waits until the analytics listener has handled the record event it
     * published. Only this change's publications count: an earlier test class's may still be pending.
     */
    private void refreshedAfter(Runnable change) {
        java.sql.Timestamp since = java.sql.Timestamp.from(Instant.now().minusMillis(1));
        tx.executeWithoutResult(s -> change.run());
        await().atMost(java.time.Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                        + " AND listener_id LIKE '%AnalyticsListener%' AND publication_date >= ?", Long.class, since) == 0);
    }

    private Diagnosis dx(Patient p, Encounter e, String icd10) {
        return new Diagnosis(UUID.randomUUID(), p.id(), e.id(), new CodedValue(OutcomeMeasure.ICD10CM, icd10, icd10),
                null, null, false, e.admitAt(), null);
    }

    private void hba1c(Patient p, String percent, Instant at) {
        refreshedAfter(() -> writer.batch().observation(new Observation(UUID.randomUUID(), p.id(), null,
                "4548-4", "Hemoglobin A1c", new BigDecimal(percent), null, "%", null, null, null, at), prov).flush());
    }

    private CustodianUser user(Role role) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.') + "."
                + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(new NewUser(name, name, "correct horse battery", Set.of(role), Set.of(hospital.id())),
                "test");
    }
}
