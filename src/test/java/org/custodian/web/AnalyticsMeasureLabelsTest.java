package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.Mrn;
import org.custodian.record.Observation;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outcome measure's patient list shows each patient's last result, which may come from any of
 * their encounters: a patient with an encounter whose label keeps the user out is left out of the
 * list (the search's audit event counts them withheld), as the chart leaves that encounter out.
 */
@IntegrationTest
class AnalyticsMeasureLabelsTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPatientWhoseResultMayComeFromAWithheldEncounterIsNotListed() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("AML-" + suffix.toUpperCase(Locale.ROOT));
        String director = fixtures.user("aml.director." + suffix, Role.HIM_DIRECTOR, hospital);
        CustodianUser officer = accounts.find(fixtures.user("aml.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        UUID plain = diabetic("Sugarplain" + suffix, hospital, "AML1" + suffix, "10.4").id();
        Patient labelled = diabetic("Sugarlabel" + suffix, hospital, "AML2" + suffix, "11.6");
        UUID visit = jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ?", UUID.class, labelled.id());
        labels.label(officer, labelled.id(), LabelTarget.ENCOUNTER, visit, SensitivityLabel.SUBSTANCE_USE_PART2);
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject("SELECT count(*) FROM analytics_measure"
                + " WHERE patient_id IN (?, ?) AND measure = 'DIABETES_HBA1C_POOR_CONTROL'", Long.class, plain,
                labelled.id()) == 2);

        WebSession session = WebSession.signedIn(port, director, PASSWORD);
        WebSession.Page page = session.get("/analytics/measures/diabetes-hba1c-poor-control?facility="
                + hospital.code());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sugarplain" + suffix, "10.4").doesNotContain("Sugarlabel" + suffix, "11.6");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SEARCH'"
                        + " AND detail LIKE 'outcome measure diabetes-hba1c-poor-control%1 withheld%'", Long.class,
                director)).isEqualTo(1);
    }

    /** A patient 18–75 with active type 2 diabetes and one HbA1c result, both on one outpatient visit. */
    private Patient diabetic(String family, Facility at, String mrn, String hba1c) {
        Patient p = new Patient(UUID.randomUUID(), "Dee", family, LocalDate.of(1970, 3, 4), Sex.FEMALE,
                Patient.Address.NONE, null, null);
        Provenance prov = Provenance.now("test", "analytics-labels", "tester");
        Instant visitAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        UUID visit = UUID.randomUUID();
        tx.executeWithoutResult(s -> writer.batch()
                .patient(p, null, prov)
                .identifier(p.id(), new Mrn(at.id(), mrn))
                .encounter(new Encounter(visit, p.id(), at.id(), "OP-" + mrn, EncounterClass.OUTPATIENT, visitAt,
                        visitAt.plus(1, ChronoUnit.HOURS), null, null, "Diabetes follow-up"), prov)
                .diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), visit, new CodedValue(
                        "http://hl7.org/fhir/sid/icd-10-cm", "E11.9", "Type 2 diabetes mellitus without complications"),
                        null, 1, true, visitAt, null), prov)
                .observation(new Observation(UUID.randomUUID(), p.id(), visit, "4548-4", "Hemoglobin A1c",
                        new BigDecimal(hba1c), null, "%", null, null, null, visitAt), prov)
                .flush());
        return p;
    }
}
