package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.mpi.ThresholdStore;
import org.custodian.mpi.Thresholds;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FHIR Patient creates ask the master patient index: a certain match links, a possible one is created and queued. */
@IntegrationTest
class FhirPatientMatchTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ThresholdStore thresholds;

    Facility hospital;
    IGenericClient client;
    String family;
    String given;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        hospital = bed.records().facility("FPM", FacilityType.HOSPITAL);
        bed.user("fhir.registrar", Role.HIM_DIRECTOR, hospital);
        client = FhirClients.signedIn(port, "fhir.registrar");
        family = FhirClients.uniqueName();
        given = FhirClients.uniqueName();
    }

    Patient person(String mrn, boolean full) {
        Patient p = new Patient();
        p.addIdentifier().setSystem(FhirIds.mrnSystem("FPM")).setValue(mrn);
        p.addName().setFamily(family).addGiven(given);
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType(full ? "1968-11-05" : "1968-05-11")); // day and month swapped
        if (full) {
            p.addIdentifier().setSystem(PatientMapping.SSN_SYSTEM).setValue("5" + (10 + (int) (Math.random() * 89)) + "-41-7723");
            p.addAddress().addLine("48 Larkspur Lane").setCity("Worcester").setState("MA").setPostalCode("01609");
            p.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("508-555-0147");
        } else {
            p.addAddress().addLine("9 Harbor Way").setCity("Gloucester").setState("MA").setPostalCode("01930");
        }
        return p;
    }

    @Test
    void aCertainMatchLinksToTheExistingPatientInsteadOfCreatingADuplicate() {
        Patient first = person(mrn(), true);
        String existing = client.create().resource(first).execute().getId().getIdPart();
        Patient again = person(mrn(), true);
        again.getIdentifier().get(1).setValue(first.getIdentifier().get(1).getValue());

        MethodOutcome linked = client.create().resource(again).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();

        assertThat(linked.getId().getIdPart()).isEqualTo(existing);
        assertThat(linked.getResponseStatusCode()).isEqualTo(200);
        assertThat(((OperationOutcome) linked.getOperationOutcome()).getIssueFirstRep().getSeverity())
                .isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
        assertThat(((OperationOutcome) linked.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("master patient index").contains(existing);
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family = :f").param("f", family).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE patient_id = :p::uuid").param("p", existing)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTransactionLinksItsPatientAndItsEncounterLandsInTheExistingRecord() {
        Patient first = person(mrn(), true);
        String existing = client.create().resource(first).execute().getId().getIdPart();
        Patient again = person(mrn(), true);
        again.getIdentifier().get(1).setValue(first.getIdentifier().get(1).getValue());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(again).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null))
                .setSubject(new Reference(bundle.getEntryFirstRep().getFullUrl()))
                .setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-01-05T10:00:00Z"))
                        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-01-05T11:00:00Z")))
                .setServiceProvider(new Reference("Organization/" + hospital.id()));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(visit).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Encounter");

        Bundle response = client.transaction().withBundle(bundle).execute();

        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("200");
        assertThat(response.getEntry().get(0).getResponse().getLocation()).startsWith("Patient/" + existing);
        assertThat(response.getEntry().get(0).getResponse().getOutcome()).isNotNull();
        assertThat(client.search().forResource(Encounter.class).where(Encounter.PATIENT.hasId(existing))
                .returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
    }

    @Test
    void aPossibleMatchIsCreatedAndQueuedForReview() {
        // a facility of its own whose thresholds send every candidate to review, whatever the model's weights
        Facility clinic = bed.records().facility("FPR", FacilityType.PHYSICIAN_OFFICE);
        thresholds.set(clinic.id(), new Thresholds(500.0, -500.0));
        bed.user("fhir.registrar2", Role.HIM_DIRECTOR, clinic);
        IGenericClient registrar = FhirClients.signedIn(port, "fhir.registrar2");
        Patient first = person(mrn(), true);
        first.getIdentifierFirstRep().setSystem(FhirIds.mrnSystem("FPR"));
        String existing = registrar.create().resource(first).execute().getId().getIdPart();
        Patient possible = person(mrn(), false);
        possible.getIdentifierFirstRep().setSystem(FhirIds.mrnSystem("FPR"));

        MethodOutcome created = registrar.create().resource(possible).prefer(PreferReturnEnum.OPERATION_OUTCOME)
                .execute();

        assertThat(created.getResponseStatusCode()).isEqualTo(201);
        assertThat(((OperationOutcome) created.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("queued for review");
        String id = created.getId().getIdPart();
        assertThat(id).isNotEqualTo(existing);
        assertThat(jdbc.sql("SELECT count(*) FROM mpi_review_task WHERE (patient_a = :a::uuid AND patient_b = :b::uuid)"
                        + " OR (patient_a = :b::uuid AND patient_b = :a::uuid)").param("a", id).param("b", existing)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static String mrn() {
        return "P" + UUID.randomUUID().toString().substring(0, 8);
    }
}
