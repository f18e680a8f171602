package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.fhir.TestBundles.bloodPressure;
import static org.custodian.interop.fhir.TestBundles.bundle;
import static org.custodian.interop.fhir.TestBundles.claim;
import static org.custodian.interop.fhir.TestBundles.condition;
import static org.custodian.interop.fhir.TestBundles.encounter;
import static org.custodian.interop.fhir.TestBundles.note;
import static org.custodian.interop.fhir.TestBundles.observation;
import static org.custodian.interop.fhir.TestBundles.patient;
import static org.custodian.interop.fhir.TestBundles.patientLike;
import static org.custodian.interop.fhir.TestBundles.procedure;
import static org.custodian.interop.fhir.TestBundles.resource;
import static org.custodian.interop.fhir.TestBundles.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.mpi.ThresholdStore;
import org.custodian.mpi.Thresholds;
import org.custodian.record.ChartRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.PatientChart;
import org.custodian.record.PatientRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loads small hand-written Synthea-shaped bundles into a real database and reads back what landed. */
@IntegrationTest
class SyntheaBundleImporterTest {
    @Autowired
    SyntheaBundleImporter importer;
    @Autowired
    PatientRepository patients;
    @Autowired
    ChartRepository charts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ThresholdStore thresholds;
    @Autowired
    FacilityRepository facilities;

    @TempDir
    Path dir;

    SyntheaImport run;

    @BeforeEach
    void startRun() {
        run = importer.begin("demo");
        ObjectNode practitioner = resource("Practitioner", "pr-1");
        practitioner.putArray("identifier").addObject().put("system", "http://hl7.org/fhir/sid/us-npi")
                .put("value", TestBundles.NPI);
        practitioner.putArray("name").addObject().put("family", "Schneider").putArray("given").add("Hank");
        assertThat(run.loadPractitioners(write(dir, "practitionerInformation1.json", bundle(practitioner))))
                .isInstanceOf(BundleOutcome.Loaded.class);
    }

    @Test
    void patientLandsWithEncountersFactsAndASignedNoteAndAnMrnAtEachFacilityVisited() {
        String p = "a1";
        Path file = write(dir, "Ada_Lovelace_a1.json", bundle(
                patient(p, "Ada", "Lovelace"),
                encounter("e-office", p, "AMB", "General examination of patient (procedure)",
                        "LOWELL FAMILY MEDICAL CARE PC", "2024-03-01T09:00:00+00:00", "2024-03-01T09:30:00+00:00"),
                encounter("e-er", p, "EMER", "Emergency room admission (procedure)", "SERENITY HILL NURSING CENTER",
                        "2024-05-02T22:00:00+00:00", "2024-05-03T01:15:00+00:00"),
                encounter("e-hospice", p, "HH", "Admission to hospice (procedure)", "VNA & HOSPICE OF MILFORD",
                        "2024-09-01T10:00:00+00:00", "2024-09-01T11:00:00+00:00"),
                condition("c1", p, "e-er", "22298006", "Myocardial infarction (disorder)", "2024-05-02T22:30:00+00:00"),
                procedure("pr1", p, "e-office", "430193006", "Medication reconciliation (procedure)",
                        "2024-03-01T09:10:00+00:00"),
                observation("o1", p, "e-office", "2339-0", "Glucose", 5.4, "mmol/L", "2024-03-01T09:15:00+00:00"),
                bloodPressure("o2", p, "e-office", 128, 84, "2024-03-01T09:05:00+00:00"),
                note("n1", p, "e-er", "Chest pain radiating to the left arm.", "2024-05-02T22:00:00+00:00"),
                claim("claim-1", p, "e-er", "1520.35"),
                resource("ExplanationOfBenefit", "eob-1")));

        BundleOutcome outcome = run.loadPatient(file);

        UUID id = SyntheaIds.patientId(p);
        assertThat(outcome).isEqualTo(new BundleOutcome.Loaded("Ada_Lovelace_a1.json", id, 10));
        DemoFacilities facilities = run.facilities();
        assertThat(patients.facilitiesOf(id)).containsExactlyInAnyOrderElementsOf(
                facilities.ids(FacilityType.HOSPITAL, FacilityType.PHYSICIAN_OFFICE, FacilityType.NURSING_HOME));
        assertThat(patients.identifiers(id)).extracting(Mrn::value).allMatch(v -> v.matches("[HPN]\\d{10}"));
        assertThat(patients.socialSecurityNumber(id)).contains(TestBundles.ssn(p));

        PatientChart chart = charts.chart(id).orElseThrow();
        assertThat(chart.patient().given()).isEqualTo("Ada Middle");
        assertThat(chart.encounters()).extracting(e -> e.facilityType() + "/" + e.encounterClass()).containsExactlyInAnyOrder(
                "PHYSICIAN_OFFICE/OUTPATIENT", "HOSPITAL/EMERGENCY", "NURSING_HOME/SNF");
        assertThat(chart.encounters()).allSatisfy(e -> assertThat(e.attending()).isEqualTo("Hank Schneider"));
        assertThat(chart.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.code().system()).isEqualTo("http://snomed.info/sct");
            assertThat(d.code().code()).isEqualTo("22298006");
            assertThat(d.encounterId()).isEqualTo(SyntheaIds.id("Encounter", "e-er"));
        });
        assertThat(chart.procedures()).singleElement().satisfies(pr -> assertThat(pr.code().code()).isEqualTo("430193006"));
        assertThat(chart.observations()).extracting(o -> o.loincCode() + "=" + o.valueNumeric().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("2339-0=5.4", "8480-6=128", "8462-4=84");
        assertThat(chart.documents()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DocumentType.EMERGENCY_NOTE);
            assertThat(d.status()).isEqualTo(DocumentStatus.FINAL);
            assertThat(d.author()).isEqualTo("Hank Schneider");
            assertThat(d.signedAt()).isEqualTo(Instant.parse("2024-05-03T01:15:00Z"));
            assertThat(d.title()).isEqualTo("Emergency department note: Emergency room admission (procedure)");
        });
        assertThat(jdbc.sql("SELECT body FROM document_version WHERE patient_id = :id").param("id", id)
                .query(String.class).single())
                .isEqualTo("Chest pain radiating to the left arm.");

        assertThat(jdbc.sql("SELECT DISTINCT source_system || ' ' || source_ref || ' ' || recorded_by FROM encounter"
                + " WHERE patient_id = :id").param("id", id).query(String.class).list()).containsExactly("synthea Ada_Lovelace_a1.json demo");
        assertThat(jdbc.sql("SELECT action || ' ' || username || ' ' || roles || ' ' || resource_type || ' ' || detail"
                + " FROM audit_event WHERE patient_id = :id").param("id", id).query(String.class).list())
                .containsExactly("CREATE demo SYSTEM Patient imported from Ada_Lovelace_a1.json: 10 resources");
        assertThat(jdbc.sql("SELECT encounter_id, amount, currency, source_system, source_ref FROM encounter_charge"
                + " WHERE patient_id = :id").param("id", id).query((rs, i) -> List.of(rs.getObject(1), rs.getBigDecimal(2),
                rs.getString(3), rs.getString(4), rs.getString(5))).single())
                .isEqualTo(List.of(SyntheaIds.id("Encounter", "e-er"), new java.math.BigDecimal("1520.35"), "USD", "synthea",
                        "Ada_Lovelace_a1.json"));
        assertThat(run.summary().skippedResourceTypes()).containsEntry("ExplanationOfBenefit", 1);
        assertThat(run.summary().patientsByFacility()).containsExactlyInAnyOrderEntriesOf(Map.of(
                FacilityType.HOSPITAL, 1, FacilityType.PHYSICIAN_OFFICE, 1, FacilityType.NURSING_HOME, 1));
    }

    @Test
    void loadingTheSameBundleAgainAddsNothing() {
        Path file = write(dir, "Bo_b1.json", bundle(patient("b1", "Bo", "Diddley"),
                encounter("b-e1", "b1", "IMP", "Hospital admission (procedure)", "LOWELL GENERAL HOSPITAL",
                        "2024-01-01T08:00:00+00:00", "2024-01-04T12:00:00+00:00"),
                note("b-n1", "b1", "b-e1", "Admitted for pneumonia.", "2024-01-01T08:00:00+00:00")));
        assertThat(run.loadPatient(file)).isInstanceOf(BundleOutcome.Loaded.class);
        UUID id = SyntheaIds.patientId("b1");
        long rows = rows(id);

        BundleOutcome again = importer.begin("demo").loadPatient(file);

        assertThat(again).isEqualTo(new BundleOutcome.AlreadyLoaded("Bo_b1.json", SyntheaIds.patientId("b1")));
        assertThat(rows(id)).isEqualTo(rows);
        assertThat(charts.chart(SyntheaIds.patientId("b1")).orElseThrow().documents())
                .singleElement().satisfies(d -> assertThat(d.type()).isEqualTo(DocumentType.HISTORY_AND_PHYSICAL));
    }

    @Test
    void aBadEntryRejectsOnlyItsBundleNamingFileAndEntryWhileTheNextBundleLoads() {
        // More resources than one batch holds, so rows were flushed before the bad entry was reached.
        ObjectNode[] resources = new ObjectNode[5_003];
        resources[0] = patient("c1", "Cy", "Young");
        resources[1] = encounter("c-e1", "c1", "AMB", "Encounter for check up", "CLINIC",
                "2024-02-01T08:00:00+00:00", "2024-02-01T08:30:00+00:00");
        for (int i = 2; i < 5_002; i++) {
            resources[i] = observation("c-o" + i, "c1", "c-e1", "8302-2", "Body Height", 170 + i % 10, "cm",
                    "2024-02-01T08:10:00+00:00");
        }
        resources[5_002] = encounter("c-e2", "c1", "AMB", "Encounter for symptom", "CLINIC",
                "2024-02-03T08:00:00+00:00", "2024-02-03T09:00:00+00:00");
        ((ObjectNode) resources[5_002].path("period")).remove("start");
        Path bad = write(dir, "Cy_c1.json", bundle(resources));
        Path good = write(dir, "Di_d1.json", bundle(patient("d1", "Di", "Fontaine"),
                encounter("d-e1", "d1", "AMB", "Encounter for check up", "CLINIC",
                        "2024-02-01T08:00:00+00:00", "2024-02-01T08:30:00+00:00")));

        BundleOutcome rejected = run.loadPatient(bad);
        BundleOutcome loaded = run.loadPatient(good);

        assertThat(rejected).isEqualTo(new BundleOutcome.Rejected("Cy_c1.json",
                "Bundle.entry[5002].resource.period.start: is required"));
        assertThat(patients.find(SyntheaIds.patientId("c1"))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM observation WHERE patient_id = :id")
                .param("id", SyntheaIds.patientId("c1")).query(Long.class).single()).isZero();
        assertThat(loaded).isInstanceOf(BundleOutcome.Loaded.class);
        assertThat(run.summary().loaded()).isEqualTo(1);
        assertThat(run.summary().rejected()).containsExactly((BundleOutcome.Rejected) rejected);
    }

    @Test
    void brokenJsonIsRejectedAtTheEntryAndLineWhereItBreaks() {
        String json = bundle(patient("e1", "Ed", "Wood"), encounter("e-e1", "e1", "AMB", "Check up", "CLINIC",
                "2024-02-01T08:00:00+00:00", "2024-02-01T08:30:00+00:00")).toPrettyString();
        Path truncated = write(dir, "Ed_e1.json", json.substring(0, json.indexOf("\"period\"")));

        BundleOutcome outcome = run.loadPatient(truncated);

        assertThat(outcome).isInstanceOfSatisfying(BundleOutcome.Rejected.class, r -> assertThat(r.reason())
                .startsWith("Bundle.entry[1]: invalid JSON at line ").contains("end-of-input"));
        assertThat(patients.find(SyntheaIds.patientId("e1"))).isEmpty();
    }

    @Test
    void aFactMayComeBeforeItsEncounterButMustReferToOneInTheBundle() {
        Path early = write(dir, "Fay_f1.json", bundle(patient("f1", "Fay", "Wray"),
                condition("f-c1", "f1", "f-e1", "44054006", "Diabetes", "2024-02-01T08:10:00+00:00"),
                encounter("f-e1", "f1", "AMB", "Check up", "CLINIC",
                        "2024-02-01T08:00:00+00:00", "2024-02-01T08:30:00+00:00")));
        Path dangling = write(dir, "Gus_g1.json", bundle(patient("g1", "Gus", "Grissom"),
                condition("g-c1", "g1", "nowhere", "44054006", "Diabetes", "2024-02-01T08:10:00+00:00")));
        ObjectNode stranger = condition("h-c1", "someone-else", "h-e1", "44054006", "Diabetes", "2024-02-01T08:10:00+00:00");
        Path foreign = write(dir, "Hal_h1.json", bundle(patient("h1", "Hal", "Foster"), stranger));

        assertThat(run.loadPatient(early)).isInstanceOf(BundleOutcome.Loaded.class);
        assertThat(charts.chart(SyntheaIds.patientId("f1")).orElseThrow().diagnoses())
                .singleElement().satisfies(d -> assertThat(d.encounterId()).isEqualTo(SyntheaIds.id("Encounter", "f-e1")));
        assertThat(run.loadPatient(dangling)).isEqualTo(new BundleOutcome.Rejected("Gus_g1.json",
                "Bundle.entry[1].resource.encounter.reference: refers to urn:uuid:nowhere, which is not an Encounter in this bundle"));
        assertThat(run.loadPatient(foreign)).isEqualTo(new BundleOutcome.Rejected("Hal_h1.json",
                "Bundle.entry[1].resource.subject.reference: refers to urn:uuid:someone-else, not to this bundle's Patient"));
    }

    @Test
    void aBundleThatIsNotABundleOrHasNoPatientIsRejected() {
        Path notBundle = write(dir, "x.json", resource("Patient", "x1").toString());
        ObjectNode orphan = bundle(encounter("y-e1", "y1", "AMB", "Check up", "CLINIC",
                "2024-02-01T08:00:00+00:00", "2024-02-01T08:30:00+00:00"));
        Path noPatient = write(dir, "y.json", orphan);
        ArrayNode twoPatients = bundle(patient("z1", "Zed", "One"), patient("z2", "Zed", "Two")).withArray("entry");

        assertThat(run.loadPatient(notBundle)).isEqualTo(new BundleOutcome.Rejected("x.json",
                "Bundle.resourceType: expected \"Bundle\" but was \"Patient\""));
        assertThat(run.loadPatient(noPatient)).isEqualTo(new BundleOutcome.Rejected("y.json",
                "Bundle: has no Patient entry; a patient bundle holds exactly one"));
        ObjectNode two = TestBundles.JSON.createObjectNode().put("resourceType", "Bundle");
        two.set("entry", twoPatients);
        assertThat(run.loadPatient(write(dir, "z.json", two))).isEqualTo(new BundleOutcome.Rejected("z.json",
                "Bundle.entry[1]: a patient bundle holds one Patient; this is a second one"));
        assertThat(List.of("x1", "y1", "z1", "z2")).allSatisfy(p -> assertThat(patients.find(SyntheaIds.patientId(p))).isEmpty());
    }

    @Test
    void aBundleWhosePatientTheMpiCertainlyKnowsLandsInThatPatientsRecordOnce() {
        String family = FhirClients.uniqueName();
        String first = "mpi-" + UUID.randomUUID();
        String second = "mpi-" + UUID.randomUUID();
        assertThat(run.loadPatient(write(dir, "first.json", bundle(patient(first, "Mara", family)))))
                .isInstanceOf(BundleOutcome.Loaded.class);
        UUID existing = SyntheaIds.patientId(first);
        Path again = write(dir, "second.json", bundle(patientLike(second, first, "Mara", family),
                encounter("mpi-e-" + second, second, "EMER", "Emergency room admission (procedure)",
                        "LOWELL GENERAL HOSPITAL", "2024-06-01T10:00:00+00:00", "2024-06-01T12:00:00+00:00")));

        BundleOutcome linked = run.loadPatient(again);

        assertThat(linked).isEqualTo(new BundleOutcome.Loaded("second.json", existing, 1));
        assertThat(patients.find(SyntheaIds.patientId(second))).as("no duplicate patient").isEmpty();
        assertThat(charts.chart(existing).orElseThrow().encounters()).extracting(PatientChart.EncounterRow::id)
                .containsExactly(SyntheaIds.id("Encounter", "mpi-e-" + second));
        assertThat(patients.identifiers(existing)).extracting(Mrn::value)
                .contains(SyntheaIds.mrn('H', second), SyntheaIds.mrn('P', first));
        assertThat(run.summary().linked()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE patient_id = :p AND detail LIKE 'imported from second%'")
                .param("p", existing).query(String.class).single()).contains("master patient index matched");
        assertThat(importer.begin("demo").loadPatient(again)).as("loading it again adds nothing")
                .isEqualTo(new BundleOutcome.AlreadyLoaded("second.json", existing));
    }

    @Test
    void aNewPatientWithAPossibleDuplicateIsLoadedAndQueuedForReview() {
        UUID office = run.facilities().of(FacilityType.PHYSICIAN_OFFICE).id();
        Thresholds before = thresholds.forFacility(office);
        thresholds.set(office, new Thresholds(500.0, -500.0)); // every candidate goes to review
        try {
            String family = FhirClients.uniqueName();
            String first = "rev-" + UUID.randomUUID();
            String second = "rev-" + UUID.randomUUID();
            run.loadPatient(write(dir, "rev1.json", bundle(patient(first, "Nell", family))));
            ObjectNode alike = patientLike(second, first, "Nell", family);
            ((ObjectNode) alike.withArray("identifier").get(1)).put("value", "999-00-0001");

            BundleOutcome outcome = run.loadPatient(write(dir, "rev2.json", bundle(alike)));

            assertThat(outcome).isEqualTo(new BundleOutcome.Loaded("rev2.json", SyntheaIds.patientId(second), 1));
            assertThat(jdbc.sql("SELECT count(*) FROM mpi_review_task WHERE (patient_a = :a AND patient_b = :b)"
                            + " OR (patient_a = :b AND patient_b = :a)").param("a", SyntheaIds.patientId(first))
                    .param("b", SyntheaIds.patientId(second)).query(Long.class).single()).isEqualTo(1);
            assertThat(run.summary().queuedForReview()).isEqualTo(1);
        } finally {
            thresholds.set(office, before);
        }
    }

    @Test
    void theTrainingSandboxNeverAsksTheMpi() {
        String family = FhirClients.uniqueName();
        String first = "sbx-" + UUID.randomUUID();
        String second = "sbx-" + UUID.randomUUID();
        run.loadPatient(write(dir, "sbx1.json", bundle(patient(first, "Sal", family))));
        var sandbox = facilities.ensure(new org.custodian.record.Facility(UUID.randomUUID(),
                "SBX-" + family.toUpperCase(), "Sandbox " + family, FacilityType.TRAINING, "Boston", "MA"));

        BundleOutcome outcome = importer.beginInto(sandbox, "trainer")
                .loadPatient(write(dir, "sbx2.json", bundle(patientLike(second, first, "Sal", family))));

        assertThat(outcome).isEqualTo(new BundleOutcome.Loaded("sbx2.json", SyntheaIds.patientId(second), 1));
    }

    /** Rows of every kind the import writes for one patient. */
    private long rows(UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM patient WHERE id = :id").param("id", patientId).query(Long.class).single()
                + List.of("patient_identifier", "encounter", "document", "document_version", "audit_event").stream()
                .mapToLong(t -> jdbc.sql("SELECT count(*) FROM " + t + " WHERE patient_id = :id").param("id", patientId)
                        .query(Long.class).single()).sum();
    }
}
