package org.custodian.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterCharge;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
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
class BillingMetricsTest {
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final Period MARCH_TO_MAY = new Period(YearMonth.of(2025, 3), YearMonth.of(2025, 5));
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BillingMetrics billing;
    @Autowired
    Analytics analytics;
    @Autowired
    JdbcTemplate jdbc;

    final Provenance prov = Provenance.now("test", "claims.json", "tester");
    Facility hospital;
    Patient patient;

    @BeforeEach
    void aHospitalAndAPatient() {
        String code = "DN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        hospital = facilities.ensure(new Facility(UUID.randomUUID(), code, code + " Hospital", FacilityType.HOSPITAL,
                "Boston", "MA"));
        patient = new Patient(UUID.randomUUID(), "Dora", "Billing", LocalDate.of(1970, 2, 3), Sex.FEMALE,
                new Patient.Address("1 Main St", "Boston", "MA", "02110"), null, null);
        tx.executeWithoutResult(s -> writer.batch().patient(patient, null, prov)
                .identifier(patient.id(), new Mrn(hospital.id(), "M" + UUID.randomUUID())).flush());
    }

    @Test
    void dnfbAtEachMonthEndCountsDischargesNotYetFinalWithTheirChargesAndDaysOfRevenue() {
        Encounter february = discharged(LocalDate.of(2025, 2, 10));
        Encounter march = discharged(LocalDate.of(2025, 3, 12));
        Encounter april = discharged(LocalDate.of(2025, 4, 20));
        Encounter aprilUncharged = discharged(LocalDate.of(2025, 4, 25));
        tx.executeWithoutResult(s -> {
            RecordWriter.Batch batch = writer.batch();
            for (Encounter e : List.of(february, march, april, aprilUncharged)) {
                batch.encounter(e, prov);
            }
            batch.charge(charge(february, "2000.00"), prov).charge(charge(march, "2500.00"), prov)
                    .charge(charge(march, "500.00"), prov).charge(charge(april, "1000.00"), prov).flush();
            finalCoded(february, LocalDate.of(2025, 2, 20));
            finalCoded(march, LocalDate.of(2025, 4, 5));
        });

        List<DnfbMonth> months = await().atMost(Duration.ofSeconds(90))
                .until(() -> billing.dnfb(Set.of(hospital.id()), MARCH_TO_MAY, TODAY), m -> m.get(2).encounters() == 2);

        assertThat(months).extracting(DnfbMonth::month)
                .containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5));
        DnfbMonth endOfMarch = months.get(0);
        assertThat(endOfMarch.encounters()).as("March's discharge was final coded in April").isEqualTo(1);
        assertThat(endOfMarch.grossCharges()).isEqualByComparingTo("3000.00");
        assertThat(endOfMarch.withoutCharges()).isZero();
        assertThat(endOfMarch.windowRevenue()).as("January to March").isEqualByComparingTo("5000.00");
        assertThat(endOfMarch.windowDays()).isEqualTo(31 + 28 + 31);
        assertThat(endOfMarch.averageDailyRevenue()).isEqualByComparingTo("55.56");
        assertThat(endOfMarch.days()).isEqualTo(54.0);
        assertThat(endOfMarch.discharges()).isEqualTo(1);

        DnfbMonth endOfApril = months.get(1);
        assertThat(endOfApril.encounters()).isEqualTo(2);
        assertThat(endOfApril.withoutCharges()).isEqualTo(1);
        assertThat(endOfApril.grossCharges()).isEqualByComparingTo("1000.00");
        assertThat(endOfApril.windowDays()).isEqualTo(28 + 31 + 30);
        assertThat(endOfApril.days()).isCloseTo(1000.0 * 89 / 6000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(endOfApril.dischargesWithoutCharges()).isEqualTo(1);
        assertThat(endOfApril.asOf()).isEqualTo(LocalDate.of(2025, 4, 30));

        DnfbMonth endOfMay = months.get(2);
        assertThat(endOfMay.days()).as("March to May revenue 4000 over 92 days").isEqualTo(1000.0 * 92 / 4000);
        assertThat(endOfMay.discharges()).isZero();

        tx.executeWithoutResult(s -> finalCoded(april, LocalDate.of(2025, 5, 2)));
        analytics.refresh(Set.of(patient.id()));
        List<DnfbMonth> after = billing.dnfb(Set.of(hospital.id()), MARCH_TO_MAY, TODAY);
        assertThat(after.get(1).encounters()).as("still waiting at the end of April").isEqualTo(2);
        assertThat(after.get(2).encounters()).isEqualTo(1);
        assertThat(after.get(2).grossCharges()).isEqualByComparingTo("0");
        assertThat(after.get(2).withoutCharges()).isEqualTo(1);
    }

    @Test
    void theCurrentMonthIsAsOfTodayAndLaterMonthsAreLeftOut() {
        List<DnfbMonth> months = billing.dnfb(Set.of(hospital.id()),
                new Period(YearMonth.of(2025, 5), YearMonth.of(2025, 8)), TODAY);

        assertThat(months).extracting(DnfbMonth::month).containsExactly(YearMonth.of(2025, 5), YearMonth.of(2025, 6));
        assertThat(months.get(1).asOf()).isEqualTo(TODAY);
        assertThat(months.get(1).windowDays()).as("April 1 to June 15").isEqualTo(30 + 31 + 15);
        assertThat(months.get(1).days()).as("no revenue, no days").isNull();
        assertThat(months.get(1).averageDailyRevenue()).isNull();
    }

    @Test
    void facilitiesSumMonthByMonth() {
        DnfbMonth a = new DnfbMonth("A", YearMonth.of(2025, 3), LocalDate.of(2025, 3, 31), 2, 1, new BigDecimal("100"),
                new BigDecimal("900"), 90, 3, 1);
        DnfbMonth b = new DnfbMonth("B", YearMonth.of(2025, 3), LocalDate.of(2025, 3, 31), 1, 0, new BigDecimal("200"),
                new BigDecimal("900"), 90, 2, 0);

        DnfbMonth all = DnfbMonth.sum("All", List.of(a, b));

        assertThat(all.encounters()).isEqualTo(3);
        assertThat(all.withoutCharges()).isEqualTo(1);
        assertThat(all.grossCharges()).isEqualByComparingTo("300");
        assertThat(all.days()).isEqualTo(15.0);
        assertThat(all.discharges()).isEqualTo(5);
    }

    private Encounter discharged(LocalDate day) {
        Instant discharge = day.atTime(11, 0).atZone(ZONE).toInstant();
        return new Encounter(UUID.randomUUID(), patient.id(), hospital.id(), "V" + UUID.randomUUID(),
                EncounterClass.INPATIENT, discharge.minus(2, ChronoUnit.DAYS), discharge, null, "home", "pneumonia");
    }

    private EncounterCharge charge(Encounter e, String amount) {
        return new EncounterCharge(UUID.randomUUID(), patient.id(), e.id(), new BigDecimal(amount), "USD");
    }

    /** The coding case as the coding module leaves it when finalised on {@code day}. */
    private void finalCoded(Encounter e, LocalDate day) {
        Timestamp at = Timestamp.from(day.atTime(15, 0).atZone(ZONE).toInstant());
        jdbc.update("""
                INSERT INTO coding_case (encounter_id, patient_id, facility_id, status, opened_at, coded_at, coded_by,
                                         updated_at)
                VALUES (?, ?, ?, 'CODED', ?, ?, 'coder', ?)
                ON CONFLICT (encounter_id) DO UPDATE SET status = 'CODED', coded_at = EXCLUDED.coded_at""",
                e.id(), e.patientId(), e.facilityId(), at, at, at);
    }
}
