package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.interop.fhir.DemoFacilities;
import org.custodian.interop.fhir.ImportSummary;
import org.custodian.interop.fhir.SyntheaBundleImporter;
import org.custodian.interop.fhir.SyntheaOutput;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.FacilityType;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo's load path end to end on real Synthea output: generate (about 45 s: Synthea's start-up
 * dominates), load, load again, create the demo users. Seed 8 with 3 patients is a run whose
 * encounters reach all three facilities (one patient has a skilled nursing stay).
 */
@IntegrationTest
class SyntheaDemoLoadTest {
    static final int PATIENTS = 3;
    static final long SEED = 8;

    @Autowired
    SyntheaBundleImporter importer;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    PractitionerRepository practitioners;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path work;

    @Test
    void syntheaPatientsLandAtAllThreeFacilitiesOnceAndTheDemoUsersSeeTheirFacilities() throws Exception {
        List<String> progress = new ArrayList<>();
        SyntheaRunner.Generated generated = SyntheaRunner.locate(System.getenv())
                .generate(PATIENTS, SEED, work, (alive, deceased) -> progress.add(alive + "+" + deceased));
        SyntheaOutput output = generated.output();
        int bundles = PATIENTS + generated.deceased();
        assertThat(generated.alive()).isEqualTo(PATIENTS);
        assertThat(progress).hasSize(bundles).last().isEqualTo(PATIENTS + "+" + generated.deceased());
        assertThat(output.patients()).hasSize(bundles);
        assertThat(output.organizations()).hasSize(1);
        assertThat(output.practitioners()).hasSize(1);

        StringWriter log = new StringWriter();
        ImportSummary first = load(output, log);

        assertThat(first.loaded()).isEqualTo(bundles);
        assertThat(first.rejected()).isEmpty();
        assertThat(first.patientsByFacility().keySet())
                .containsExactlyInAnyOrder(FacilityType.HOSPITAL, FacilityType.PHYSICIAN_OFFICE, FacilityType.NURSING_HOME);
        assertThat(log.toString()).contains("100%  " + bundles + "/" + bundles + " patient bundles")
                .contains(bundles + " loaded, 0 already there, 0 rejected");
        UUID[] patients = loadedPatients(output);
        assertThat(patients).hasSize(bundles);
        assertThat(count("SELECT count(*) FROM encounter WHERE patient_id = ANY(:p)", patients)).isPositive();
        assertThat(count("SELECT count(*) FROM diagnosis WHERE patient_id = ANY(:p)", patients)).isPositive();
        assertThat(count("SELECT count(*) FROM observation WHERE patient_id = ANY(:p)", patients)).isPositive();
        // Synthea writes one note per encounter; each is a signed, final document
        assertThat(count("SELECT count(*) FROM document_version WHERE patient_id = ANY(:p)"
                + " AND status = 'FINAL' AND signed_at IS NOT NULL AND author_id IS NOT NULL", patients))
                .isEqualTo(count("SELECT count(*) FROM encounter WHERE patient_id = ANY(:p)", patients));
        // a facility holds a patient's record if and only if the patient has an MRN there
        assertThat(count("""
                SELECT count(*) FROM (SELECT DISTINCT patient_id, facility_id FROM encounter WHERE patient_id = ANY(:p)) e
                  FULL JOIN (SELECT patient_id, facility_id FROM patient_identifier WHERE patient_id = ANY(:p)) i
                    USING (patient_id, facility_id)
                 WHERE e.patient_id IS NULL OR i.patient_id IS NULL""", patients)).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND patient_id = ANY(:p)", patients))
                .isEqualTo(bundles);
        long rows = allRows(patients);

        ImportSummary second = load(output, new StringWriter());

        assertThat(second.loaded()).isZero();
        assertThat(second.alreadyLoaded()).isEqualTo(bundles);
        assertThat(allRows(patients)).isEqualTo(rows);

        DemoFacilities facilities = importer.ensureFacilities();
        DemoUsers.create(accounts, facilities, DemoCommand.ACTOR);
        CustodianUser nurse = accounts.find("nurse").orElseThrow();
        assertThat(nurse.roles()).containsExactly(Role.CLINICIAN);
        assertThat(nurse.facilityIds()).containsExactly(facilities.nursingHome().id());
        assertThat(passwords.matches("nurse-demo-2026", nurse.getPassword())).isTrue();
        assertThat(accounts.find("hit").orElseThrow().facilityIds())
                .containsExactlyInAnyOrder(facilities.hospital().id(), facilities.physicianOffice().id());
        assertThat(DemoUsers.USERS).extracting(DemoUsers.DemoUser::role).containsOnly(Role.values())
                .contains(Role.values());
        Practitioner busiest = DemoUsers.linkDoctor(accounts, practitioners, DemoCommand.ACTOR).orElseThrow();
        assertThat(accounts.practitionerOf(DemoUsers.DOCTOR)).contains(busiest.id());
        for (DemoUsers.DemoUser user : DemoUsers.USERS) {
            assertThat(accounts.find(user.username())).get().extracting(CustodianUser::roles)
                    .isEqualTo(Set.of(user.role()));
        }
    }

    private ImportSummary load(SyntheaOutput output, StringWriter log) throws Exception {
        PrintWriter err = new PrintWriter(log);
        return DemoCommand.load(importer.begin(DemoCommand.ACTOR), output,
                new ProgressBar("loading patients", output.patientBytes(), err, false), err);
    }

    private UUID[] loadedPatients(SyntheaOutput output) {
        return jdbc.sql("SELECT id FROM patient WHERE source_system = 'synthea' AND source_ref = ANY(:files)")
                .param("files", output.patients().stream().map(f -> f.getFileName().toString()).toArray(String[]::new))
                .query(UUID.class).list().toArray(UUID[]::new);
    }

    private long allRows(UUID[] patients) {
        long rows = count("SELECT count(*) FROM patient WHERE id = ANY(:p)", patients);
        for (String table : List.of("patient_identifier", "encounter", "diagnosis", "procedure_performed", "observation",
                "document", "document_version", "audit_event")) {
            rows += count("SELECT count(*) FROM " + table + " WHERE patient_id = ANY(:p)", patients);
        }
        return rows;
    }

    private long count(String sql, UUID[] patients) {
        return jdbc.sql(sql).param("p", patients).query(Long.class).single();
    }
}
