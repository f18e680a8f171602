package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A FHIR client reads and searches the record through the API, within the same access rules and audit as the UI. */
@IntegrationTest
class FhirReadApiTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    JdbcClient jdbc;

    Facility hospital;
    org.custodian.record.Patient alice;
    String family;
    IGenericClient client;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        RecordFixtures fixtures = bed.records();
        hospital = fixtures.facility("FHA", FacilityType.HOSPITAL);
        Facility other = fixtures.facility("FHB", FacilityType.HOSPITAL);
        bed.user("fhir.coder", Role.CODER, hospital);
        bed.user("fhir.elsewhere", Role.CODER, other);
        family = "Zephyr" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        String mrn = "M" + UUID.randomUUID().toString().substring(0, 8);
        alice = fixtures.patient("Alice", family, LocalDate.of(1950, 4, 2), hospital, mrn);
        fixtures.patient("Anna", family, LocalDate.of(1961, 7, 9), hospital, mrn + "b");
        client = bed.signedIn("fhir.coder");
    }

    @Test
    void capabilityStatementIsPublic() {
        CapabilityStatement cs = FhirClients.anonymous(port).capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Encounter", "Condition", "Observation", "DocumentReference", "Procedure",
                        "Organization", "Practitioner");
    }

    @Test
    void readsAPatientWithTheirMrnAndAuditsTheRead() {
        Patient patient = client.read().resource(Patient.class).withId(alice.id().toString()).execute();
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1950-04-02");
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:custodian:mrn:FHA");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = :p AND action = 'READ'"
                + " AND outcome = 'SUCCESS' AND username = 'fhir.coder'").param("p", alice.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void searchesByNameBirthDateAndIdentifierWithPaging() {
        Bundle byName = client.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family))
                .count(1).returnBundle(Bundle.class).execute();
        assertThat(byName.getEntry()).hasSize(1);
        assertThat(byName.getLink(Bundle.LINK_NEXT)).isNotNull();
        Bundle next = client.loadPage().next(byName).execute();
        assertThat(next.getEntry()).hasSize(1);

        Bundle byBirth = client.search().forResource(Patient.class).where(Patient.NAME.matches().value(family))
                .and(Patient.BIRTHDATE.exactly().day("1950-04-02")).returnBundle(Bundle.class).execute();
        assertThat(byBirth.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(alice.id().toString());

        Patient read = client.read().resource(Patient.class).withId(alice.id().toString()).execute();
        String mrn = read.getIdentifierFirstRep().getValue();
        Bundle byMrn = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:custodian:mrn:FHA", mrn))
                .returnBundle(Bundle.class).execute();
        assertThat(byMrn.getEntry()).hasSize(1);
    }

    @Test
    void readsThePatientsClinicalResources() {
        String patient = "Patient/" + alice.id();
        Bundle encounters = client.search().forResource(Encounter.class).where(Encounter.PATIENT.hasId(patient))
                .returnBundle(Bundle.class).execute();
        assertThat(encounters.getEntry()).hasSize(1);
        Encounter encounter = (Encounter) encounters.getEntryFirstRep().getResource();
        assertThat(encounter.getClass_().getCode()).isEqualTo("IMP");

        Bundle conditions = client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(patient))
                .and(new TokenClientParam("category").exactly().code("encounter-diagnosis"))
                .returnBundle(Bundle.class).execute();
        assertThat(((Condition) conditions.getEntryFirstRep().getResource()).getCode().getCodingFirstRep().getCode())
                .isEqualTo("I21.4");

        Bundle labs = client.search().forResource(Observation.class).where(Observation.SUBJECT.hasId(patient))
                .and(Observation.CODE.exactly().code("2160-0")).returnBundle(Bundle.class).execute();
        Observation creatinine = (Observation) labs.getEntryFirstRep().getResource();
        assertThat(creatinine.getValueQuantity().getValue()).isEqualByComparingTo("2.1");
        assertThat(creatinine.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");

        Bundle notes = client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute();
        DocumentReference note = (DocumentReference) notes.getEntryFirstRep().getResource();
        assertThat(new String(note.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .isEqualTo("Patient presents with chest pain.");
        DocumentReference again = client.read().resource(DocumentReference.class).withId(note.getIdPart()).execute();
        assertThat(again.getSubject().getReference()).isEqualTo(patient);

        Organization facility = client.read().resource(Organization.class).withId(hospital.id().toString()).execute();
        assertThat(facility.getName()).isEqualTo(hospital.name());
    }

    @Test
    void everythingReturnsTheWholeRecordInPages() {
        Bundle first = client.operation().onInstance("Patient/" + alice.id()).named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class)
                .useHttpGet().execute();
        assertThat(first.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Patient", "Encounter", "Condition", "Observation", "DocumentReference");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = :p AND resource_type = 'Patient/$everything'")
                .param("p", alice.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClinicalSearchMustNameItsPatient() {
        assertThatThrownBy(() -> client.search().forResource(Observation.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("needs a patient");
    }

    @Test
    void aUserOfAnotherFacilityIsDeniedAndTheDenialIsAudited() {
        IGenericClient elsewhere = bed.signedIn("fhir.elsewhere");
        assertThatThrownBy(() -> elsewhere.read().resource(Patient.class).withId(alice.id().toString()).execute())
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .contains("not a member"));
        assertThatThrownBy(() -> elsewhere.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(alice.id().toString())).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = :p AND outcome = 'DENIED'"
                + " AND username = 'fhir.elsewhere'").param("p", alice.id()).query(Long.class).single()).isEqualTo(2);
        Bundle none = elsewhere.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family))
                .returnBundle(Bundle.class).execute();
        assertThat(none.getEntry()).isEmpty();
    }

    @Test
    void withoutCredentialsTheAnswerIs401AndAnUnknownIdIs404() {
        assertThatThrownBy(() -> FhirClients.anonymous(port).read().resource(Patient.class)
                .withId(alice.id().toString()).execute()).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> client.read().resource(Patient.class).withId(UUID.randomUUID().toString()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.read().resource(Encounter.class).withId("not-a-uuid").execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
