package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
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

/** A FHIR client creates and updates resources; each change is a version it can read back, with provenance and audit. */
@IntegrationTest
class FhirWriteApiTest {
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

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        hospital = bed.records().facility("FWA", FacilityType.HOSPITAL);
        bed.user("fhir.writer", Role.HIM_DIRECTOR, hospital);
        bed.user("fhir.reader", Role.CODER, hospital);
        client = bed.signedIn("fhir.writer");
        mrn = "W" + UUID.randomUUID().toString().substring(0, 8);
    }

    Patient newPatient(String family) {
        Patient p = new Patient();
        p.addIdentifier().setSystem(FhirIds.mrnSystem("FWA")).setValue(mrn);
        p.addName().setFamily(family).addGiven("Rosa");
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1971-05-06"));
        return p;
    }

    @Test
    void aPatientUpdateIsANewVersionAndTheOldOneStaysReadable() {
        MethodOutcome created = client.create().resource(newPatient("Lindqvist")).execute();
        assertThat(created.getCreated()).isTrue();
        IdType id = (IdType) created.getId();
        assertThat(id.getVersionIdPart()).isEqualTo("1");

        Patient current = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
        assertThat(current.getMeta().getVersionId()).isEqualTo("1");
        current.getNameFirstRep().setFamily("Lindqvist-Berg");
        MethodOutcome updated = client.update().resource(current).execute();
        assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

        Patient first = client.vread(Patient.class, id.getIdPart(), "1");
        assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Lindqvist");
        Patient second = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
        assertThat(second.getNameFirstRep().getFamily()).isEqualTo("Lindqvist-Berg");
        assertThat(second.getMeta().getVersionId()).isEqualTo("2");

        Bundle history = client.history().onInstance(new IdType("Patient", id.getIdPart())).returnBundle(Bundle.class)
                .execute();
        assertThat(history.getEntry()).extracting(e -> ((Patient) e.getResource()).getNameFirstRep().getFamily())
                .containsExactly("Lindqvist-Berg", "Lindqvist");
        assertThat(jdbc.sql("SELECT source_system || ' ' || recorded_by FROM patient WHERE id = CAST(:id AS uuid)")
                .param("id", id.getIdPart()).query(String.class).single()).isEqualTo("FHIR API fhir.writer");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE patient_id = CAST(:id AS uuid)"
                        + " AND action IN ('CREATE', 'UPDATE') AND username = 'fhir.writer'")
                .param("id", id.getIdPart()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anUpdateToAVersionNoLongerCurrentIsRefused() {
        IdType id = (IdType) client.create().resource(newPatient("Moreau")).execute().getId();
        Patient stale = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
        stale.getNameFirstRep().setFamily("Moreau-Blanc");
        client.update().resource(stale).withId(id.getIdPart()).execute();

        stale.getNameFirstRep().setFamily("Moreau-Noir");
        stale.setId(new IdType("Patient", id.getIdPart(), "1"));
        assertThatThrownBy(() -> client.update().resource(stale).withId(new IdType("Patient", id.getIdPart(), "1"))
                .execute()).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void conditionalCreateFindsThePatientByMrn() {
        IdType id = (IdType) client.create().resource(newPatient("Ahmadi")).execute().getId();

        MethodOutcome again = client.create().resource(newPatient("Ahmadi"))
                .conditionalByUrl("Patient?identifier=" + FhirIds.mrnSystem("FWA") + "|" + mrn).execute();

        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(id.getIdPart());
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :mrn").param("mrn", mrn)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void clinicalFactsAreCreatedCorrectedAndVersioned() {
        String patientId = client.create().resource(newPatient("Castillo")).execute().getId().getIdPart();
        Encounter visit = new Encounter();
        visit.setStatus(Encounter.EncounterStatus.FINISHED);
        visit.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        visit.setSubject(new Reference("Patient/" + patientId));
        visit.setServiceProvider(new Reference("Organization/" + hospital.id()));
        visit.setPeriod(new Period().setStartElement(new DateTimeType("2025-02-03T10:00:00Z"))
                .setEndElement(new DateTimeType("2025-02-03T10:40:00Z")));
        String encounterId = client.create().resource(visit).execute().getId().getIdPart();

        Condition condition = new Condition();
        condition.setSubject(new Reference("Patient/" + patientId));
        condition.setEncounter(new Reference("Encounter/" + encounterId));
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "44054006", "Diabetes")));
        condition.setOnset(new DateTimeType("2025-02-03T10:00:00Z"));
        String conditionId = client.create().resource(condition).execute().getId().getIdPart();

        condition.setId(conditionId);
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "73211009", "Diabetes mellitus")));
        assertThat(client.update().resource(condition).execute().getId().getVersionIdPart()).isEqualTo("2");

        Condition first = client.vread(Condition.class, conditionId, "1");
        assertThat(first.getCode().getCodingFirstRep().getCode()).isEqualTo("44054006");
        Condition now = client.read().resource(Condition.class).withId(conditionId).execute();
        assertThat(now.getCode().getCodingFirstRep().getCode()).isEqualTo("73211009");
        assertThat(now.getEncounter().getReference()).isEqualTo("Encounter/" + encounterId);

        DocumentReference note = new DocumentReference();
        note.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        note.setSubject(new Reference("Patient/" + patientId));
        note.setDate(new Date());
        note.getContext().addEncounter(new Reference("Encounter/" + encounterId));
        note.addContent().getAttachment().setContentType("text/plain")
                .setData("Seen for diabetes.".getBytes(StandardCharsets.UTF_8));
        String noteId = client.create().resource(note).execute().getId().getIdPart();
        note.setId(noteId);
        note.getContentFirstRep().getAttachment().setData("Seen for diabetes; A1c ordered.".getBytes(StandardCharsets.UTF_8));
        assertThat(client.update().resource(note).execute().getId().getVersionIdPart()).isEqualTo("2");
        Bundle noteHistory = client.history().onInstance(new IdType("DocumentReference", noteId))
                .returnBundle(Bundle.class).execute();
        assertThat(noteHistory.getEntry()).hasSize(2);
    }

    @Test
    void anInvalidResourceIs422NamingTheElementAndNothingIsStored() {
        Condition noSubject = new Condition();
        noSubject.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "44054006", "Diabetes")));

        assertThatThrownBy(() -> client.create().resource(noSubject).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssue())
                        .anySatisfy(issue -> assertThat(issue.getExpression().getFirst().getValue())
                                .isEqualTo("Condition.subject")));

        Patient noMrn = newPatient("Nowak");
        noMrn.getIdentifier().clear();
        assertThatThrownBy(() -> client.create().resource(noMrn).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().getFirst()
                                .getValue()).isEqualTo("Patient.identifier"));
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE family = 'Nowak'").query(Long.class).single()).isZero();
    }

    @Test
    void aRoleThatMayNotLoadRecordsCannotWrite() {
        IGenericClient coder = bed.signedIn("fhir.reader");
        assertThatThrownBy(() -> coder.create().resource(newPatient("Okoro")).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.reader' AND outcome = 'DENIED'"
                + " AND action = 'CREATE'").query(Long.class).single()).isPositive();
    }
}
