package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transaction and batch bundles of any shape: urn:uuid references, conditional references, all or nothing. */
@IntegrationTest
class FhirBundleApiTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    JdbcClient jdbc;

    Facility hospital;
    IGenericClient client;
    String mrn;
    String family;
    String given;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        hospital = bed.records().facility("FBA", FacilityType.HOSPITAL);
        bed.user("fhir.bundler", Role.HIM_DIRECTOR, hospital);
        client = bed.signedIn("fhir.bundler");
        mrn = "B" + UUID.randomUUID().toString().substring(0, 8);
        // a person of their own per test: the same person twice would be linked by the MPI
        family = FhirClients.uniqueName();
        given = FhirClients.uniqueName();
    }

    @Test
    void aTransactionResolvesUrnUuidsAndLoadsEverythingTogether() {
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        add(bundle, condition("urn:uuid:p1", "urn:uuid:e1"), "urn:uuid:c1");
        add(bundle, encounter("urn:uuid:p1"), "urn:uuid:e1");
        add(bundle, patient(), "urn:uuid:p1");

        Bundle response = client.transaction().withBundle(bundle).execute();

        assertThat(response.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        String conditionId = response.getEntry().getFirst().getResponse().getLocation().split("/")[1];
        String encounterLocation = response.getEntry().get(1).getResponse().getLocation();
        String patientLocation = response.getEntry().get(2).getResponse().getLocation();
        Condition condition = client.read().resource(Condition.class).withId(conditionId).execute();
        assertThat(encounterLocation).startsWith(condition.getEncounter().getReference() + "/_history/");
        assertThat(patientLocation).startsWith(condition.getSubject().getReference() + "/_history/");
    }

    @Test
    void aConditionalReferenceFindsThePatientInTheRecord() {
        Bundle first = new Bundle().setType(BundleType.TRANSACTION);
        add(first, patient(), "urn:uuid:p1");
        client.transaction().withBundle(first).execute();

        Bundle second = new Bundle().setType(BundleType.TRANSACTION);
        Observation glucose = new Observation();
        glucose.setStatus(Observation.ObservationStatus.FINAL);
        glucose.setCode(new CodeableConcept(new Coding("http://loinc.org", "2339-0", "Glucose")));
        glucose.setSubject(new Reference("Patient?identifier=" + FhirIds.mrnSystem("FBA") + "|" + mrn));
        glucose.setEffective(new DateTimeType("2025-04-01T08:00:00Z"));
        glucose.setValue(new Quantity().setValue(104).setUnit("mg/dL"));
        add(second, glucose, "urn:uuid:o1");

        Bundle response = client.transaction().withBundle(second).execute();

        assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
        assertThat(jdbc.sql("SELECT count(*) FROM observation o JOIN patient_identifier i ON i.patient_id = o.patient_id"
                + " WHERE i.value = :mrn").param("mrn", mrn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConditionalCreateInATransactionFindsTheExistingPatient() {
        Bundle first = new Bundle().setType(BundleType.TRANSACTION);
        add(first, patient(), "urn:uuid:p1");
        String location = client.transaction().withBundle(first).execute().getEntryFirstRep().getResponse().getLocation();

        Bundle again = new Bundle().setType(BundleType.TRANSACTION);
        add(again, patient(), "urn:uuid:p1");
        again.getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + FhirIds.mrnSystem("FBA") + "|" + mrn);
        Bundle response = client.transaction().withBundle(again).execute();

        assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("200");
        assertThat(location).startsWith(response.getEntryFirstRep().getResponse().getLocation());
    }

    @Test
    void aTransactionWithOneBadEntryStoresNothingAndNamesTheEntry() {
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        add(bundle, patient(), "urn:uuid:p1");
        add(bundle, encounter("urn:uuid:p1"), "urn:uuid:e1");
        Condition uncoded = condition("urn:uuid:p1", "urn:uuid:e1");
        uncoded.setCode(null);
        add(bundle, uncoded, "urn:uuid:c1");

        assertThatThrownBy(() -> client.transaction().withBundle(bundle).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().getFirst()
                                .getValue()).startsWith("Bundle.entry[2].resource.code"));
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :mrn").param("mrn", mrn)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBatchAnswersEachEntryOnItsOwn() {
        Bundle batch = new Bundle().setType(BundleType.BATCH);
        add(batch, patient(), null);
        Condition orphan = condition("Patient/" + UUID.randomUUID(), null);
        add(batch, orphan, null);

        String answer = client.transaction().withBundle(FhirContext.forR4Cached().newJsonParser()
                .encodeResourceToString(batch)).execute();
        Bundle response = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer);

        assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("422");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :mrn").param("mrn", mrn)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void add(Bundle bundle, Resource resource, String fullUrl) {
        var entry = bundle.addEntry().setResource(resource).setFullUrl(fullUrl);
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    }

    private Patient patient() {
        Patient p = new Patient();
        p.addIdentifier().setSystem(FhirIds.mrnSystem("FBA")).setValue(mrn);
        p.addName().setFamily(family).addGiven(given);
        p.setGender(Enumerations.AdministrativeGender.MALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1964-11-30"));
        return p;
    }

    private Encounter encounter(String patient) {
        Encounter visit = new Encounter();
        visit.setStatus(Encounter.EncounterStatus.FINISHED);
        visit.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"));
        visit.setSubject(new Reference(patient));
        visit.setServiceProvider(new Reference("Organization/" + hospital.id()));
        visit.setPeriod(new Period().setStartElement(new DateTimeType("2025-03-03T10:00:00Z")));
        return visit;
    }

    private static Condition condition(String patient, String encounter) {
        Condition condition = new Condition();
        condition.setSubject(new Reference(patient));
        if (encounter != null) {
            condition.setEncounter(new Reference(encounter));
        }
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "233604007", "Pneumonia")));
        return condition;
    }
}
