package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.PatientQuery;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class PhiAccessTest {
    @Autowired
    PhiAccess phi;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;

    Facility hospital;
    Facility home;
    Patient hospitalOnly;
    CustodianUser nurse;
    CustodianUser coder;
    CustodianUser auditor;

    @BeforeEach
    void world() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        hospital = fixtures.facility("H-" + run, FacilityType.HOSPITAL);
        home = fixtures.facility("N-" + run, FacilityType.NURSING_HOME);
        hospitalOnly = fixtures.patient("Harriet", "Hospitalonly", LocalDate.of(1950, 3, 3), hospital, "H1");
        nurse = user("nurse" + run.toLowerCase(), Role.CLINICIAN, home);
        coder = user("coder" + run.toLowerCase(), Role.CODER, hospital);
        auditor = user("auditor" + run.toLowerCase(), Role.AUDITOR, hospital);
    }

    @Test
    void aNursingHomeUserCannotOpenAHospitalOnlyPatientAndTheDenialIsAudited() {
        assertThatThrownBy(() -> phi.chart(nurse, hospitalOnly.id()))
                .isInstanceOf(PhiAccessDenied.class).hasMessageContaining("not a member");
        assertThat(events(nurse)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(e.patientId()).isEqualTo(hospitalOnly.id());
        });
    }

    @Test
    void aNursingHomeUserDoesNotFindHospitalOnlyPatientsInSearch() {
        assertThat(phi.searchPatients(nurse, new PatientQuery("Hospitalonly", null, null))).isEmpty();
        assertThat(phi.searchPatients(coder, new PatientQuery("Hospitalonly", null, null))).hasSize(1);
    }

    @Test
    void aHospitalCoderReadsTheChartAndLeavesAnAuditEventNamingThePatient() {
        assertThat(phi.chart(coder, hospitalOnly.id())).hasValueSatisfying(chart -> {
            assertThat(chart.patient().family()).isEqualTo("Hospitalonly");
            assertThat(chart.encounters()).hasSize(1);
            assertThat(chart.observations()).first().satisfies(o -> assertThat(o.isAbnormal()).isTrue());
        });
        assertThat(events(coder)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.patientId()).isEqualTo(hospitalOnly.id());
            assertThat(e.roles()).isEqualTo("CODER");
        });
    }

    @Test
    void anAuditorReviewsTheTrailButReadsNoCharts() {
        assertThatThrownBy(() -> phi.chart(auditor, hospitalOnly.id())).isInstanceOf(PhiAccessDenied.class)
                .hasMessageContaining("does not allow READ_CHART");
        assertThatThrownBy(() -> phi.searchPatients(auditor, new PatientQuery("Harriet", null, null)))
                .isInstanceOf(PhiAccessDenied.class);
    }

    @Test
    void theSsnIsShownMaskedOnlyToThoseWhoMayReadTheChart() {
        assertThat(phi.maskedSsn(coder, hospitalOnly.id())).contains("***-**-6789");
        assertThatThrownBy(() -> phi.maskedSsn(nurse, hospitalOnly.id())).isInstanceOf(PhiAccessDenied.class);
    }

    @Test
    void anUnknownPatientIsEmptyNotAnError() {
        assertThat(phi.chart(coder, UUID.randomUUID())).isEmpty();
    }

    private java.util.List<AuditEvent> events(CustodianUser user) {
        return audit.search(new AuditQuery(user.getUsername(), null, null, null, null, null, false, 0, 50)).events();
    }

    private CustodianUser user(String name, Role role, Facility facility) {
        return accounts.create(new NewUser(name, name, "correct horse battery", Set.of(role), Set.of(facility.id())),
                "test");
    }
}
