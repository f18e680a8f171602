package org.custodian.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.custodian.record.Observation.AbnormalFlag;
import org.custodian.record.Patient;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real users and records for the web tests, written through the modules' own APIs. Test classes
 * share one database, so each class uses facilities and user names of its own.
 */
final class WebFixtures {
    static final String PASSWORD = "correct horse battery";
    static final String SSN = "123-45-6789";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private final FacilityRepository facilities;
    private final PractitionerRepository practitioners;
    private final RecordWriter writer;
    private final TransactionTemplate tx;
    private final UserAccounts accounts;

    WebFixtures(FacilityRepository facilities, PractitionerRepository practitioners, RecordWriter writer,
                TransactionTemplate tx, UserAccounts accounts) {
        this.facilities = facilities;
        this.practitioners = practitioners;
        this.writer = writer;
        this.tx = tx;
        this.accounts = accounts;
    }

    static WebFixtures of(ApplicationContext context) {
        return new WebFixtures(context.getBean(FacilityRepository.class), context.getBean(PractitionerRepository.class),
                context.getBean(RecordWriter.class), context.getBean(TransactionTemplate.class),
                context.getBean(UserAccounts.class));
    }

    Facility hospital(String code) {
        return facilities.ensure(new Facility(UUID.randomUUID(), code, code + " General Hospital",
                FacilityType.HOSPITAL, "Worcester", "MA"));
    }

    Facility nursingHome(String code) {
        return facilities.ensure(new Facility(UUID.randomUUID(), code, code + " Nursing Home",
                FacilityType.NURSING_HOME, "Worcester", "MA"));
    }

    String user(String username, Role role, Facility... at) {
        Set<UUID> scope = java.util.Arrays.stream(at).map(Facility::id).collect(java.util.stream.Collectors.toSet());
        accounts.createOrReset(new NewUser(username, displayName(username), PASSWORD, Set.of(role), scope), "test");
        return username;
    }

    /** A patient with only demographics and an MRN, for search tests. */
    Patient patient(String given, String family, LocalDate birthDate, Facility at, String mrn) {
        Patient p = new Patient(UUID.randomUUID(), given, family, birthDate, Sex.MALE, Patient.Address.NONE, null, null);
        Provenance prov = provenance();
        tx.executeWithoutResult(s -> writer.batch().patient(p, null, prov).identifier(p.id(), new Mrn(at.id(), mrn)).flush());
        return p;
    }

    /**
     * A full chart: two encounters (the older one an outpatient visit), an active principal and a
     * resolved diagnosis, a procedure, labs flagged N, H and LL, a discharge summary in two versions
     * and a note retracted as entered in error.
     */
    Chart chart(String given, String family, LocalDate birthDate, Facility at, String mrn) {
        Patient p = new Patient(UUID.randomUUID(), given, family, birthDate, Sex.FEMALE,
                new Patient.Address("12 Elm Street", "Worcester", "MA", "01608"), "508-555-0142", null);
        Practitioner attending = practitioners.ensure(new Practitioner(UUID.randomUUID(), null, "Grace", "Hopperton"));
        Provenance prov = provenance();
        Instant oldAdmit = NOW.minus(400, ChronoUnit.DAYS);
        Instant newAdmit = NOW.minus(5, ChronoUnit.DAYS);
        UUID oldVisit = UUID.randomUUID();
        UUID newVisit = UUID.randomUUID();
        UUID summary = UUID.randomUUID();
        UUID retracted = UUID.randomUUID();
        tx.executeWithoutResult(s -> writer.batch()
                .patient(p, SSN, prov)
                .identifier(p.id(), new Mrn(at.id(), mrn))
                .encounter(new Encounter(oldVisit, p.id(), at.id(), "OP-" + mrn, EncounterClass.OUTPATIENT, oldAdmit,
                        oldAdmit.plus(1, ChronoUnit.HOURS), null, null, "Annual physical"), prov)
                .encounter(new Encounter(newVisit, p.id(), at.id(), "IP-" + mrn, EncounterClass.INPATIENT, newAdmit,
                        newAdmit.plus(3, ChronoUnit.DAYS), attending.id(), "Discharged home", "Community-acquired pneumonia"), prov)
                .diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), newVisit,
                        new CodedValue(ICD10CM, "J18.9", "Pneumonia, unspecified organism"),
                        Diagnosis.PresentOnAdmission.Y, 1, true, newAdmit, null), prov)
                .diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), oldVisit,
                        new CodedValue(ICD10CM, "S93.401A", "Sprain of ankle, initial encounter"),
                        null, null, false, oldAdmit, oldAdmit.plus(30, ChronoUnit.DAYS)), prov)
                .procedure(new Procedure(UUID.randomUUID(), p.id(), newVisit,
                        new CodedValue("http://www.cms.gov/Medicare/Coding/ICD10", "BW03ZZZ", "Chest X-ray"),
                        newAdmit.plus(2, ChronoUnit.HOURS)), prov)
                .observation(lab(p, newVisit, "2951-2", "Sodium", "140", "136", "145", null, newAdmit), prov)
                .observation(lab(p, newVisit, "6690-2", "White blood cell count", "15.2", "4.5", "11.0", null, newAdmit), prov)
                .observation(lab(p, newVisit, "2823-3", "Potassium", "2.4", "3.5", "5.1", AbnormalFlag.LL, newAdmit), prov)
                .document(new ClinicalDocument(summary, p.id(), newVisit, DocumentType.DISCHARGE_SUMMARY, null,
                        newAdmit.plus(3, ChronoUnit.DAYS), List.of(
                        new DocumentVersion(1, DocumentStatus.DRAFT, "Discharge summary",
                                "Draft: admitted with fever and cough.", attending.id(), null, null, null, prov),
                        new DocumentVersion(2, DocumentStatus.FINAL, "Discharge summary",
                                "Admitted with fever and cough. Treated with antibiotics. Discharged home.",
                                attending.id(), newAdmit.plus(3, ChronoUnit.DAYS), attending.id(), "signed", prov))))
                .document(new ClinicalDocument(retracted, p.id(), newVisit, DocumentType.PROGRESS_NOTE, null,
                        newAdmit.plus(1, ChronoUnit.DAYS), List.of(
                        new DocumentVersion(1, DocumentStatus.FINAL, "Progress note (wrong patient)",
                                "Note about someone else.", attending.id(), newAdmit.plus(1, ChronoUnit.DAYS),
                                attending.id(), null, prov),
                        new DocumentVersion(2, DocumentStatus.ENTERED_IN_ERROR, "Progress note (wrong patient)",
                                "Note about someone else.", attending.id(), newAdmit.plus(1, ChronoUnit.DAYS),
                                attending.id(), "filed on the wrong patient", prov))))
                .flush());
        return new Chart(p, summary, retracted);
    }

    record Chart(Patient patient, UUID dischargeSummary, UUID retractedNote) {
        UUID id() {
            return patient.id();
        }
    }

    private static Observation lab(Patient p, UUID encounter, String loinc, String name, String value, String low,
                                   String high, AbnormalFlag flag, Instant at) {
        return new Observation(UUID.randomUUID(), p.id(), encounter, loinc, name, new BigDecimal(value), null,
                name.equals("White blood cell count") ? "10*3/uL" : "mmol/L", new BigDecimal(low), new BigDecimal(high),
                flag, at.plus(1, ChronoUnit.HOURS));
    }

    private static Provenance provenance() {
        return Provenance.now("test", "web-fixture", "tester");
    }

    private static String displayName(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1).replace('.', ' ');
    }
}
