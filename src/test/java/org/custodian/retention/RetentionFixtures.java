package org.custodian.retention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Observation;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Patients with old and recent encounters, and users, for the retention tests (each test its own facility). */
public final class RetentionFixtures {
    public static final String PASSWORD = "correct horse battery";

    private final FacilityRepository facilities;
    private final RecordWriter writer;
    private final TransactionTemplate tx;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    private RetentionFixtures(ApplicationContext context) {
        this.facilities = context.getBean(FacilityRepository.class);
        this.writer = context.getBean(RecordWriter.class);
        this.tx = context.getBean(TransactionTemplate.class);
        this.accounts = context.getBean(UserAccounts.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public static RetentionFixtures of(ApplicationContext context) {
        return new RetentionFixtures(context);
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    public Facility hospital(String code) {
        return facilities.ensure(new Facility(UUID.randomUUID(), code, code + " Hospital", FacilityType.HOSPITAL,
                "Albany", "NY"));
    }

    public CustodianUser user(String name, Role role, Facility... at) {
        return accounts.createOrReset(new NewUser(name.toLowerCase(), name, PASSWORD, Set.of(role),
                java.util.Arrays.stream(at).map(Facility::id).collect(java.util.stream.Collectors.toSet())), "test");
    }

    public Patient patient(String family, LocalDate born, Facility at, String mrn) {
        Patient p = new Patient(UUID.randomUUID(), "Test", family, born, Sex.FEMALE, Patient.Address.NONE, null, null);
        tx.executeWithoutResult(s -> writer.batch().patient(p, null, provenance())
                .identifier(p.id(), new Mrn(at.id(), mrn)).flush());
        return p;
    }

    /**
     * An inpatient stay discharged on {@code discharged}, with a diagnosis, a lab, a discharge summary in
     * two versions and a coding case with a coded line (rows in other modules' tables that reference it).
     */
    public UUID stay(Patient p, Facility at, LocalDate discharged) {
        Instant out = discharged.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant in = out.minus(3, ChronoUnit.DAYS);
        UUID encounter = UUID.randomUUID();
        Provenance prov = provenance();
        tx.executeWithoutResult(s -> writer.batch()
                .encounter(new Encounter(encounter, p.id(), at.id(), "V-" + encounter.toString().substring(0, 8),
                        EncounterClass.INPATIENT, in, out, null, "home", "Chest pain"), prov)
                .diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), encounter,
                        new CodedValue("http://hl7.org/fhir/sid/icd-10-cm", "I21.4", "Secret NSTEMI diagnosis"),
                        Diagnosis.PresentOnAdmission.Y, 1, true, in, null), prov)
                .observation(new Observation(UUID.randomUUID(), p.id(), encounter, "2160-0", "Creatinine",
                        new BigDecimal("2.1"), null, "mg/dL", new BigDecimal("0.6"), new BigDecimal("1.2"), null,
                        in.plus(1, ChronoUnit.HOURS)), prov)
                .document(new ClinicalDocument(UUID.randomUUID(), p.id(), encounter, DocumentType.DISCHARGE_SUMMARY,
                        null, out, List.of(
                        new DocumentVersion(1, DocumentStatus.DRAFT, "Discharge summary", "Draft clinical narrative.",
                                null, null, null, null, prov),
                        new DocumentVersion(2, DocumentStatus.FINAL, "Discharge summary", "Final clinical narrative.",
                                null, out, null, "signed", prov))))
                .flush());
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO coding_case (encounter_id, patient_id, facility_id, status, opened_at, updated_at)
                    VALUES (?, ?, ?, 'CODED', ?, ?)
                    """).params(encounter, p.id(), at.id(), java.sql.Timestamp.from(out), java.sql.Timestamp.from(out))
                    .update();
            jdbc.sql("""
                    INSERT INTO coded_line (id, encounter_id, pass, kind, code_system, code, description, principal,
                                            added_by, added_at)
                    VALUES (?, ?, 'PRIMARY', 'DIAGNOSIS', 'ICD10CM', 'I214', 'NSTEMI', true, 'coder', now())
                    """).params(UUID.randomUUID(), encounter).update();
        });
        return encounter;
    }

    public long rows(String table, String column, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?").param(id).query(Long.class).single();
    }

    private static Provenance provenance() {
        return Provenance.now("test", "retention-fixture", "tester");
    }
}
