package org.custodian.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charts for the quality tests, written through the record's own writer. {@link #cleanInpatient}
 * is a complete, correct inpatient stay that no rule may flag; tests change one thing in it.
 */
public final class QualityFixtures {
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String ICD10PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final FacilityRepository facilities;
    private final PractitionerRepository practitioners;
    private final RecordWriter writer;
    private final TransactionTemplate tx;

    public QualityFixtures(ApplicationContext context) {
        this.facilities = context.getBean(FacilityRepository.class);
        this.practitioners = context.getBean(PractitionerRepository.class);
        this.writer = context.getBean(RecordWriter.class);
        this.tx = context.getBean(TransactionTemplate.class);
    }

    public Facility hospital(String code) {
        return facilities.ensure(new Facility(UUID.randomUUID(), code, code + " Hospital", FacilityType.HOSPITAL, "Salem", "MA"));
    }

    public Practitioner physician(String given, String family) {
        return practitioners.ensure(new Practitioner(UUID.randomUUID(), null, given, family));
    }

    /** What will be written; tests replace parts before {@link #write}. */
    public static final class Chart {
        public Patient patient;
        public Facility facility;
        public String mrn;
        public Encounter encounter;
        public final List<Diagnosis> diagnoses = new ArrayList<>();
        public final List<Procedure> procedures = new ArrayList<>();
        public final List<Observation> observations = new ArrayList<>();
        public final List<ClinicalDocument> documents = new ArrayList<>();

        public UUID patientId() {
            return patient.id();
        }

        public ClinicalDocument document(DocumentType type) {
            return documents.stream().filter(d -> d.type() == type).findFirst().orElseThrow();
        }

        public void withoutDocument(DocumentType type) {
            documents.removeIf(d -> d.type() == type);
        }
    }

    /** An inpatient stay admitted {@code admittedDaysAgo} days ago for two days: H&P and discharge summary signed, coded, labs plausible. */
    public Chart cleanInpatient(Facility at, Practitioner attending, int admittedDaysAgo) {
        return cleanInpatient(at, attending, NOW.minus(admittedDaysAgo, ChronoUnit.DAYS));
    }

    public Chart cleanInpatient(Facility at, Practitioner attending, Instant admit) {
        Chart c = new Chart();
        c.facility = at;
        c.mrn = "Q" + UUID.randomUUID().toString().substring(0, 8);
        c.patient = new Patient(UUID.randomUUID(), "Hester", "Prynne", LocalDate.of(1961, 4, 2), Sex.FEMALE,
                new Patient.Address("3 Custom House Way", "Salem", "MA", "01970"), "978-555-0100", null);
        Instant discharge = admit.plus(2, ChronoUnit.DAYS);
        c.encounter = new Encounter(UUID.randomUUID(), c.patient.id(), at.id(), "V-" + c.mrn, EncounterClass.INPATIENT, admit,
                discharge, attending.id(), "home", "chest pain");
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patient.id(), c.encounter.id(),
                new CodedValue(ICD10CM, "I21.4", "NSTEMI"), Diagnosis.PresentOnAdmission.Y, 1, true, admit, null));
        c.observations.add(lab(c, "2160-0", "Creatinine", "1.1", "mg/dL", admit.plus(1, ChronoUnit.HOURS)));
        c.documents.add(note(c, DocumentType.HISTORY_AND_PHYSICAL, "History and physical", admit.plus(3, ChronoUnit.HOURS),
                attending, true, "Chest pressure since this morning radiating to the left arm; troponin pending."));
        c.documents.add(note(c, DocumentType.DISCHARGE_SUMMARY, "Discharge summary", discharge, attending, true,
                "Non ST elevation infarction managed medically; discharged home on aspirin and a statin."));
        return c;
    }

    public static Observation lab(Chart c, String loinc, String name, String value, String unit, Instant at) {
        return new Observation(UUID.randomUUID(), c.patient.id(), c.encounter.id(), loinc, name, new BigDecimal(value), null,
                unit, null, null, null, at);
    }

    public static ClinicalDocument note(Chart c, DocumentType type, String title, Instant at, Practitioner author,
                                        boolean signed, String body) {
        Provenance prov = provenance();
        return new ClinicalDocument(UUID.randomUUID(), c.patient.id(), c.encounter.id(), type, null, at, List.of(
                new DocumentVersion(1, signed ? DocumentStatus.FINAL : DocumentStatus.DRAFT, title, body, author.id(),
                        signed ? at : null, signed ? author.id() : null, null, prov)));
    }

    public void write(Chart c) {
        Provenance prov = provenance();
        tx.executeWithoutResult(s -> {
            RecordWriter.Batch batch = writer.batch().patient(c.patient, null, prov);
            if (c.mrn != null) {
                batch.identifier(c.patient.id(), new Mrn(c.facility.id(), c.mrn));
            }
            batch.encounter(c.encounter, prov);
            c.diagnoses.forEach(d -> batch.diagnosis(d, prov));
            c.procedures.forEach(p -> batch.procedure(p, prov));
            c.observations.forEach(o -> batch.observation(o, prov));
            c.documents.forEach(batch::document);
            batch.flush();
        });
    }

    static Provenance provenance() {
        return Provenance.now("test", "quality-fixture", "tester");
    }
}
