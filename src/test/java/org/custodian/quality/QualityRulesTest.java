package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.quality.QualityFixtures.Chart;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.record.Practitioner;
import org.custodian.record.Procedure;
import org.custodian.record.Sex;
import org.custodian.terminology.Terminology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every rule on real PostgreSQL data: the clean chart passes, one defect at a time is found and located. */
@IntegrationTest
class QualityRulesTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    QualityScans scans;
    @Autowired
    QualityFindings findings;
    @Autowired
    JdbcTemplate jdbc;

    QualityFixtures fixtures;
    Facility hospital;
    Practitioner attending;

    @BeforeEach
    void setUp() {
        fixtures = new QualityFixtures(context);
        hospital = fixtures.hospital("QRULES");
        attending = fixtures.physician("Arthur", "Dimmesdale");
    }

    @Test
    void aCompleteCorrectChartHasNoFindings() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        assertThat(scanned(c)).isEmpty();
    }

    @Test
    void missingDemographicsAreListedByName() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.patient = new Patient(c.patient.id(), "Pearl", "Prynne", c.patient.birthDate(), Sex.UNKNOWN,
                new Patient.Address(null, "Salem", null, null), null, null);
        assertThat(scanned(c)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DEMOGRAPHICS_MISSING");
            assertThat(f.category()).isEqualTo(Category.COMPLETENESS);
            assertThat(f.message()).isEqualTo("Registration is missing sex, street address, state, postal code.");
        });
    }

    @Test
    void anEncounterWithoutAttendingIsFound() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.encounter = withAttending(c.encounter, null);
        assertThat(rules(scanned(c))).containsExactly("ENCOUNTER_NO_ATTENDING");
    }

    @Test
    void anInpatientStayWithoutHistoryAndPhysicalIsAssignedToTheAttending() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.withoutDocument(DocumentType.HISTORY_AND_PHYSICAL);
        Finding f = single(scanned(c), "HP_MISSING");
        assertThat(f.responsibleId()).isEqualTo(attending.id());
        assertThat(f.encounterId()).isEqualTo(c.encounter.id());
        assertThat(f.message()).contains("due within 24 h of admission");
    }

    @Test
    void aLateHistoryAndPhysicalIsFoundButNotOneStillWithinTheDay() {
        Chart late = fixtures.cleanInpatient(hospital, attending, 10);
        late.withoutDocument(DocumentType.HISTORY_AND_PHYSICAL);
        late.documents.add(QualityFixtures.note(late, DocumentType.HISTORY_AND_PHYSICAL, "H&P",
                late.encounter.admitAt().plus(30, ChronoUnit.HOURS), attending, true, "Late history."));
        assertThat(single(scanned(late), "HP_MISSING").message()).startsWith("The history and physical was documented 30 h");

        Chart fresh = fixtures.cleanInpatient(hospital, attending, 0);
        fresh.encounter = new Encounter(fresh.encounter.id(), fresh.patientId(), hospital.id(), fresh.encounter.visitNumber(),
                fresh.encounter.encounterClass(), Instant.now().minus(2, ChronoUnit.HOURS), null, attending.id(), null, "fall");
        fresh.documents.clear();
        assertThat(scanned(fresh)).isEmpty();
    }

    @Test
    void aDischargedStayWithoutDischargeSummaryIsFound() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.withoutDocument(DocumentType.DISCHARGE_SUMMARY);
        assertThat(single(scanned(c), "DISCHARGE_SUMMARY_MISSING").responsibleId()).isEqualTo(attending.id());
    }

    @Test
    void draftsAndSignaturesWithoutSignerAreUnauthenticated() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        Practitioner resident = fixtures.physician("Roger", "Chillingworth");
        c.documents.add(QualityFixtures.note(c, DocumentType.PROGRESS_NOTE, "Progress note", c.encounter.admitAt()
                .plus(1, ChronoUnit.DAYS), resident, false, "Day two, feeling better."));
        ClinicalDocument finalNoSigner = new ClinicalDocument(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                DocumentType.CONSULTATION, null, c.encounter.admitAt(), List.of(new DocumentVersion(1, DocumentStatus.FINAL,
                "Cardiology consult", "Agree with plan.", null, c.encounter.admitAt(), null, null, QualityFixtures.provenance())));
        c.documents.add(finalNoSigner);
        List<Finding> found = scanned(c);
        assertThat(rules(found)).containsExactly("DOCUMENT_UNSIGNED", "DOCUMENT_UNSIGNED");
        assertThat(found).anySatisfy(f -> {
            assertThat(f.responsibleId()).isEqualTo(resident.id());
            assertThat(f.message()).startsWith("The document is not signed");
        }).anySatisfy(f -> {
            assertThat(f.documentId()).isEqualTo(finalNoSigner.id());
            assertThat(f.responsibleId()).as("no author: the attending").isEqualTo(attending.id());
            assertThat(f.message()).contains("unauthenticated");
        });
    }

    @Test
    void aDischargeWithoutIcd10DiagnosisIsLateAfterTheDueDaysOnly() {
        Chart late = fixtures.cleanInpatient(hospital, attending, 10);
        late.diagnoses.clear();
        late.diagnoses.add(new Diagnosis(UUID.randomUUID(), late.patientId(), late.encounter.id(),
                new CodedValue("http://snomed.info/sct", "22298006", "Myocardial infarction"), null, null, false, null, null));
        Finding f = single(scanned(late), "NOT_CODED");
        assertThat(f.category()).isEqualTo(Category.TIMELINESS);
        assertThat(f.message()).startsWith("Discharged 8 days ago");

        Chart recent = fixtures.cleanInpatient(hospital, attending, 4);
        recent.diagnoses.clear();
        assertThat(scanned(recent)).as("discharged 2 days ago, coding due after 4").isEmpty();
    }

    @Test
    void aCodingCaseOnHoldIsNotCodedAndFinalisingItResolvesTheFinding() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        fixtures.write(c);
        jdbc.update("""
                INSERT INTO coding_case (encounter_id, patient_id, facility_id, status, opened_at, updated_at)
                VALUES (?, ?, ?, 'ON_HOLD_QUERY', now(), now())""", c.encounter.id(), c.patientId(), hospital.id());
        assertThat(single(checked(c), "NOT_CODED").message()).contains("on hold for a physician query");

        jdbc.update("UPDATE coding_case SET status = 'CODED', coded_at = now(), coded_by = 'coder' WHERE encounter_id = ?",
                c.encounter.id());
        assertThat(checked(c)).as("the case is finalised with the chart's ICD-10-CM codes").isEmpty();
    }

    @Test
    void invalidAndHeaderCodesAreFoundAgainstTheReleaseInForce(@TempDir Path files) throws IOException {
        // FY2016: a release no other test class loads into the shared test database
        Path release = Files.writeString(files.resolve("icd10cm_order_2016.txt"), String.join("\r\n",
                order(1, "I21", false, "Acute myocardial infarction"),
                order(2, "I214", true, "Non-ST elevation (NSTEMI) myocardial infarction"),
                order(3, "J189", true, "Pneumonia, unspecified organism")) + "\r\n");
        context.getBean(Terminology.class).load(release);
        Chart c = fixtures.cleanInpatient(hospital, attending, Instant.parse("2016-03-01T08:00:00Z"));
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "I21", "AMI"), null, 2, false, null, null));
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "X99.9", "Made up"), null, 3, false, null, null));
        List<Finding> found = scanned(c);
        assertThat(rules(found)).containsExactly("CODE_INVALID", "CODE_INVALID");
        assertThat(found).anySatisfy(f -> assertThat(f.message()).startsWith("ICD-10-CM code I21 is not billable"))
                .anySatisfy(f -> assertThat(f.message()).startsWith("ICD-10-CM code X99.9 is invalid"));
    }

    @Test
    void datesThatCannotAllBeTrueAreFound() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.patient = new Patient(c.patientId(), "Hester", "Prynne", c.patient.birthDate(), Sex.FEMALE, c.patient.address(),
                c.patient.phone(), c.encounter.admitAt().minus(1, ChronoUnit.DAYS));
        Chart future = fixtures.cleanInpatient(hospital, attending, 10);
        future.patient = new Patient(future.patientId(), "Baby", "Future", LocalDate.now().plusYears(1), Sex.FEMALE,
                future.patient.address(), null, null);
        fixtures.write(future);
        fixtures.write(c);
        jdbc.update("UPDATE encounter SET discharge_at = admit_at - interval '1 day' WHERE id = ?", c.encounter.id());
        scans.check(Set.of(c.patientId(), future.patientId()));

        List<Finding> dead = findings.openFor(List.of(c.patientId())).stream().map(StoredFinding::finding).toList();
        assertThat(dead).filteredOn(f -> f.ruleId().equals("DATES_INCONSISTENT")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("before the admission"))
                .anySatisfy(m -> assertThat(m).startsWith("Admitted").contains("after the patient's death"))
                .anySatisfy(m -> assertThat(m).startsWith("Observed").contains("after the patient's death"));
        assertThat(findings.openFor(List.of(future.patientId()))).extracting(s -> s.finding().message())
                .anySatisfy(m -> assertThat(m).contains("is in the future"));
    }

    @Test
    void sexAndAgeImplausibleCodesAreFound() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.patient = new Patient(c.patientId(), "Silas", "Marner", LocalDate.of(1950, 1, 1), Sex.MALE, c.patient.address(),
                c.patient.phone(), null);
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "O80", "Encounter for full-term uncomplicated delivery"), null, 2,
                false, null, null));
        c.procedures.add(new Procedure(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new CodedValue(QualityFixtures.ICD10PCS, "0UT90ZZ", "Resection of uterus"), c.encounter.admitAt()));
        List<Finding> found = scanned(c).stream().filter(f -> f.ruleId().equals("SEX_AGE_CONFLICT")).toList();
        assertThat(found).extracting(Finding::message).containsExactlyInAnyOrder(
                "A code for female patients only, on a patient recorded as male.",
                "A maternity (age 9 to 64) diagnosis for a patient aged " + java.time.Period.between(LocalDate.of(1950, 1, 1),
                        c.encounter.admitAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()).getYears() + " on "
                        + c.encounter.admitAt().atZone(java.time.ZoneOffset.UTC).toLocalDate() + ".",
                "A code for female patients only, on a patient recorded as male.");
    }

    @Test
    void theMedicareCodeEditorTablesInForceDecideSexAndAgeWhenLoaded(@TempDir Path files) throws IOException {
        // FY2037 (MCE v54): a year no other test class loads into the shared test database
        Files.writeString(files.resolve("Definitions_of_Medicare_Code_Edits_v54_0.txt"), String.join("\n", "",
                "Definitions of Medicare Code Edits", "ICD-10 Version", "v54.0 October 2036", "",
                "Chapter 1: Edit code lists\t7", "4. Age conflict\t8", "", "Chapter 1: Edit code lists",
                "4. Age conflict", "", "4. Age conflict", "The Medicare Code Editor detects inconsistencies between a"
                        + " patient's age and any diagnosis.",
                "A. Perinatal/Newborn diagnoses", "P0730\tPreterm newborn, unsp weeks", "",
                "C. Maternity diagnoses (age 9 through 64)", "Z3A01\tLess than 8 weeks gestation of pregnancy", "",
                "Chapter 2: Code list changes", "Index"));
        Files.writeString(files.resolve("MCE_Simple_Code_Edits_v54.txt"), String.join("\n",
                "MCE_Version\tICD_Version\tMCE_Section\tMCE_Subsection\tMCE_Edit_Type\tICD_Code_Type\tICD_Code\tICD_Desc",
                "54\t10\t5\tA\tFemale_Only\tD\tZ3A01\tLess than 8 weeks gestation of pregnancy") + "\n");
        context.getBean(Terminology.class).load(files);
        Chart c = fixtures.cleanInpatient(hospital, attending, Instant.parse("2037-03-01T08:00:00Z"));
        c.patient = new Patient(c.patientId(), "Jonas", "Chuzzlewit", LocalDate.of(1967, 1, 1), Sex.MALE,
                c.patient.address(), c.patient.phone(), null);
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "Z3A.01", "Less than 8 weeks gestation"), null, 2, false, null, null));
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "O80", "Full-term uncomplicated delivery"), null, 3, false, null, null));
        List<String> messages = scanned(c).stream().filter(f -> f.ruleId().equals("SEX_AGE_CONFLICT"))
                .map(Finding::message).toList();
        assertThat(messages).as("the MCE tables of FY2037 decide: O80 is on neither of its lists").hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("Z3A.01", "maternity (age 9 through 64)", "patient is 70",
                        "MCE v54.0 edit 4"))
                .anySatisfy(m -> assertThat(m).contains("Z3A.01", "female-only", "patient is male", "MCE v54",
                        "CMS deactivated this edit"));
    }

    @Test
    void labValuesImpossibleForTheirUnitAreFound() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        Instant at = c.encounter.admitAt().plus(2, ChronoUnit.HOURS);
        c.observations.add(QualityFixtures.lab(c, "2345-7", "Glucose", "180", "mmol/L", at));
        c.observations.add(QualityFixtures.lab(c, "8310-5", "Body temperature", "37", "%", at));
        c.observations.add(QualityFixtures.lab(c, "2823-3", "Potassium", "4.1", "mmol/L", at));
        List<Finding> found = scanned(c);
        assertThat(found).extracting(Finding::ruleId).containsOnly("LAB_IMPLAUSIBLE");
        assertThat(found).extracting(Finding::message).containsExactlyInAnyOrder(
                "A glucose of 180 mmol/L is not possible in a living patient (plausible 0.3 to 110 mmol/L);"
                        + " check the unit and the value.",
                "'%' is not a unit for body temperature (expected Cel, [degF]).");
    }

    @Test
    void aMedicalRecordNumberHeldByTwoPatientsIsFoundOnBoth() {
        Chart first = fixtures.cleanInpatient(hospital, attending, 10);
        Chart second = fixtures.cleanInpatient(hospital, attending, 10);
        second.mrn = first.mrn.toLowerCase();
        fixtures.write(first);
        fixtures.write(second);
        scans.check(Set.of(first.patientId(), second.patientId()));
        assertThat(findings.openFor(List.of(first.patientId(), second.patientId()))).extracting(s -> s.finding().ruleId())
                .containsExactly("MRN_DUPLICATE", "MRN_DUPLICATE");
    }

    @Test
    void recordsNoChartReachesOrInAnotherPatientsChartAreOrphans() {
        Chart other = fixtures.cleanInpatient(hospital, attending, 10);
        fixtures.write(other);
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        c.mrn = null;
        c.diagnoses.add(new Diagnosis(UUID.randomUUID(), c.patientId(), other.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "I21.4", "NSTEMI"), null, 2, false, null, null));
        List<Finding> found = scanned(c);
        assertThat(found).extracting(Finding::ruleId).containsOnly("ORPHAN_RECORD");
        assertThat(found).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("no medical record number"))
                .anySatisfy(m -> assertThat(m).contains("belongs to another patient (" + other.patientId() + ")"));
    }

    @Test
    void aLongPassageCopiedIntoALaterNoteIsFoundButNotAnAddendumQuotingItsOriginal() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        String history = words(80, "history");
        Instant day1 = c.encounter.admitAt().plus(1, ChronoUnit.DAYS);
        ClinicalDocument first = QualityFixtures.note(c, DocumentType.PROGRESS_NOTE, "Day one", day1, attending, true,
                "Day one. " + history + " Plan: continue.");
        ClinicalDocument copy = QualityFixtures.note(c, DocumentType.PROGRESS_NOTE, "Day two", day1.plus(1, ChronoUnit.DAYS),
                attending, true, "Day two, new complaint of nausea. " + history + " Plan: antiemetic.");
        ClinicalDocument shortQuote = QualityFixtures.note(c, DocumentType.PROGRESS_NOTE, "Day three",
                day1.plus(2, ChronoUnit.DAYS), attending, true, "Day three. " + history.substring(0, history.length() / 3));
        ClinicalDocument addendum = new ClinicalDocument(UUID.randomUUID(), c.patientId(), c.encounter.id(),
                DocumentType.ADDENDUM, first.id(), day1.plus(3, ChronoUnit.DAYS), List.of(new DocumentVersion(1,
                DocumentStatus.FINAL, "Addendum to Day one", "Correcting: " + history, attending.id(),
                day1.plus(3, ChronoUnit.DAYS), attending.id(), null, QualityFixtures.provenance())));
        c.documents.addAll(List.of(first, copy, shortQuote, addendum));
        Finding f = single(scanned(c), "COPY_PASTE");
        assertThat(f.documentId()).isEqualTo(copy.id());
        assertThat(f.message()).startsWith("A passage of 81 words is identical to document 'Day one'");
    }

    @Test
    void aNoteCopiedForwardDayAfterDayIsOneFindingPerCopyingNoteNotOnePerPair() {
        Chart c = fixtures.cleanInpatient(hospital, attending, 10);
        String history = words(80, "forward");
        Instant day1 = c.encounter.admitAt().plus(1, ChronoUnit.DAYS);
        List<ClinicalDocument> notes = new java.util.ArrayList<>();
        for (int day = 0; day < 4; day++) {
            notes.add(QualityFixtures.note(c, DocumentType.PROGRESS_NOTE, "Day " + (day + 1),
                    day1.plus(day, ChronoUnit.DAYS), attending, true, "Day " + (day + 1) + ". " + history + " Plan."));
        }
        c.documents.addAll(notes);
        List<Finding> found = scanned(c);
        assertThat(rules(found)).containsExactly("COPY_PASTE", "COPY_PASTE", "COPY_PASTE");
        assertThat(found).extracting(Finding::documentId)
                .containsExactlyInAnyOrder(notes.get(1).id(), notes.get(2).id(), notes.get(3).id());
        Finding last = found.stream().filter(f -> f.documentId().equals(notes.get(3).id())).findFirst().orElseThrow();
        assertThat(last.message()).contains("identical to document 'Day ", "(and 2 other earlier notes)");
    }

    private static String words(int n, String seed) {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(seed.hashCode());
        String[] vocabulary = {"patient", "reports", "pain", "chest", "denies", "fever", "cough", "history", "of",
                "hypertension", "diabetes", "smoker", "lives", "alone", "daughter", "nearby", "aspirin", "daily", "no",
                "allergies", "known", "father", "died", "stroke", "mother", "cancer", "walks", "mile"};
        for (int i = 0; i < n; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 9 == 8 ? ". " : " ");
        }
        return text.toString().trim();
    }

    private static String order(int n, String code, boolean billable, String description) {
        return String.format("%05d %-7s %s %-60s %s", n, code, billable ? "1" : "0", description, description);
    }

    private List<Finding> scanned(Chart c) {
        fixtures.write(c);
        return checked(c);
    }

    /** Checks the chart as it is stored now. */
    private List<Finding> checked(Chart c) {
        ScanResult result = scans.check(Set.of(c.patientId()));
        assertThat(result.failures()).isEmpty();
        return findings.openFor(List.of(c.patientId())).stream().map(StoredFinding::finding).toList();
    }

    private static Finding single(List<Finding> found, String rule) {
        assertThat(rules(found)).containsExactly(rule);
        return found.getFirst();
    }

    private static List<String> rules(List<Finding> found) {
        return found.stream().map(Finding::ruleId).toList();
    }

    private static Encounter withAttending(Encounter e, UUID attendingId) {
        return new Encounter(e.id(), e.patientId(), e.facilityId(), e.visitNumber(), e.encounterClass(), e.admitAt(),
                e.dischargeAt(), attendingId, e.dischargeDisposition(), e.reason());
    }
}
