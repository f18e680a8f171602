package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.interop.fhir.TestBundles.bundle;
import static org.custodian.interop.fhir.TestBundles.condition;
import static org.custodian.interop.fhir.TestBundles.encounter;
import static org.custodian.interop.fhir.TestBundles.note;
import static org.custodian.interop.fhir.TestBundles.observation;
import static org.custodian.interop.fhir.TestBundles.patient;
import static org.custodian.interop.fhir.TestBundles.resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.PatientRepository;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Synthea-shaped transaction bundles POSTed to /fhir load atomically, or are refused whole with the element path. */
@IntegrationTest
class FhirTransactionApiTest {
    @LocalServerPort
    int port;
    @Autowired
    SyntheaBundleImporter importer;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PatientRepository patients;
    @Autowired
    JdbcClient jdbc;

    IGenericClient client;

    @BeforeEach
    void setUp() {
        DemoFacilities demo = importer.ensureFacilities();
        FhirClients.user(accounts, "fhir.loader", Role.HIM_DIRECTOR, demo.hospital(), demo.physicianOffice(),
                demo.nursingHome());
        client = FhirClients.signedIn(port, "fhir.loader");
    }

    @Test
    void aPatientBundleLoadsAndCanBeReadBack() {
        String p = UUID.randomUUID().toString();
        String e = UUID.randomUUID().toString();
        String json = bundle(patient(p, "Maya", "Okafor"),
                encounter(e, p, "AMB", "General examination", "Lowell Family Practice", "2024-03-01T09:00:00-05:00",
                        "2024-03-01T09:30:00-05:00"),
                condition(UUID.randomUUID().toString(), p, e, "44054006", "Diabetes", "2024-03-01T09:00:00-05:00"),
                observation(UUID.randomUUID().toString(), p, e, "2339-0", "Glucose", 182, "mg/dL",
                        "2024-03-01T09:10:00-05:00"),
                note(UUID.randomUUID().toString(), p, e, "Follow-up for diabetes.", "2024-03-01T09:30:00-05:00"))
                .toString();

        String answer = client.transaction().withBundle(json).execute();

        Bundle response = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer);
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(5);
        String location = response.getEntryFirstRep().getResponse().getLocation();
        assertThat(location).startsWith("Patient/");
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
        Patient maya = client.read().resource(Patient.class).withId(location.substring("Patient/".length())).execute();
        assertThat(maya.getNameFirstRep().getFamily()).isEqualTo("Okafor");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = CAST(:p AS uuid) AND action = 'CREATE'"
                + " AND username = 'fhir.loader'").param("p", maya.getIdPart()).query(Long.class).single()).isEqualTo(1);

        String again = client.transaction().withBundle(json).execute();
        assertThat(again).contains("200 OK").doesNotContain("201 Created");
    }

    @Test
    void aBadElementIsNamedAndNothingIsStored() {
        String p = UUID.randomUUID().toString();
        String e = UUID.randomUUID().toString();
        ObjectNode badPatient = patient(p, "Ivo", "Brandt").put("birthDate", "5th of March");
        String json = bundle(
                encounter(e, p, "AMB", "General examination", "Lowell Family Practice", "2024-03-01T09:00:00-05:00",
                        "2024-03-01T09:30:00-05:00"),
                resource("Location", UUID.randomUUID().toString()), resource("Location", UUID.randomUUID().toString()),
                badPatient).toString();

        assertThatThrownBy(() -> client.transaction().withBundle(json).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
                    var issue = ((OperationOutcome) ex.getOperationOutcome()).getIssueFirstRep();
                    assertThat(issue.getExpression().getFirst().getValue())
                            .isEqualTo("Bundle.entry[3].resource.birthDate");
                    assertThat(issue.getDiagnostics()).contains("5th of March");
                });
        assertThat(patients.find(SyntheaIds.patientId(p))).isEmpty();
    }

    @Test
    void theR4ValidatorCatchesWhatTheMappingWouldNotNeed() {
        String p = UUID.randomUUID().toString();
        String e = UUID.randomUUID().toString();
        ObjectNode encounter = encounter(e, p, "AMB", "General examination", "Lowell Family Practice",
                "2024-03-01T09:00:00-05:00", "2024-03-01T09:30:00-05:00").put("status", "half-done");
        String json = bundle(patient(p, "Ola", "Berg"), encounter).toString();

        assertThatThrownBy(() -> client.transaction().withBundle(json).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(
                        ((OperationOutcome) ex.getOperationOutcome()).getIssueFirstRep().getExpression().getFirst()
                                .getValue()).isEqualTo("Bundle.entry[1].resource.status"));
        assertThat(patients.find(SyntheaIds.patientId(p))).isEmpty();
    }

    @Test
    void brokenJsonAndUnknownReferencesAre400() {
        assertThatThrownBy(() -> client.transaction().withBundle("{\"resourceType\": \"Bundle\", \"entry\": [ {").execute())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid JSON");

        String p = UUID.randomUUID().toString();
        String json = bundle(patient(p, "Lea", "Novak"),
                condition(UUID.randomUUID().toString(), p, UUID.randomUUID().toString(), "44054006", "Diabetes",
                        "2024-03-01T09:00:00-05:00")).toString();
        assertThatThrownBy(() -> client.transaction().withBundle(json).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(
                        ((OperationOutcome) ex.getOperationOutcome()).getIssueFirstRep().getExpression().getFirst()
                                .getValue()).isEqualTo("Bundle.entry[1].resource.encounter.reference"));
        assertThat(patients.find(SyntheaIds.patientId(p))).isEmpty();
    }
}
