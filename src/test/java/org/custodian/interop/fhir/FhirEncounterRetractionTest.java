package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.ChartRepository;
import org.custodian.record.ChartScope;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.PatientChart;
import org.custodian.record.RecordRetractions;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An encounter entered in error through the API (DELETE, or PUT with that status) takes what was filed on it along. */
@IntegrationTest
class FhirEncounterRetractionTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordRetractions retractions;
    @Autowired
    ChartRepository charts;

    IGenericClient client;
    org.custodian.record.Patient patient;
    Encounter wrongVisit;

    @BeforeEach
    void setUp() {
        FhirTestBed bed = new FhirTestBed(context, port);
        Facility hospital = bed.records().facility("FER", FacilityType.HOSPITAL);
        bed.user("fhir.retractor", Role.HIM_DIRECTOR, hospital);
        client = bed.signedIn("fhir.retractor");
        patient = bed.records().patient("Iris", FhirClients.uniqueName(), LocalDate.of(1966, 2, 3), hospital,
                "R" + UUID.randomUUID().toString().substring(0, 8));
        wrongVisit = (Encounter) search(Encounter.class).getFirst();
    }

    @Test
    void deletingAnEncounterRetractsItsDiagnosesProceduresResultsAndNotesButNotAnotherVisits() {
        String procedure = create(procedureOn(wrongVisit));
        Encounter otherVisit = readBack(create(otherVisit()));
        String otherCondition = create(conditionOn(otherVisit));
        List<String> filedOnWrongVisit = List.of(
                "Condition/" + search(Condition.class).stream().filter(c -> onVisit(((Condition) c).getEncounter(), wrongVisit))
                        .findFirst().orElseThrow().getIdElement().getIdPart(),
                "Procedure/" + procedure,
                "Observation/" + search(Observation.class).getFirst().getIdElement().getIdPart(),
                "DocumentReference/" + search(DocumentReference.class).getFirst().getIdElement().getIdPart());

        MethodOutcome deleted = client.delete().resourceById("Encounter", wrongVisit.getIdElement().getIdPart()).execute();

        assertThat(((OperationOutcome) deleted.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("entered-in-error", "4 resources filed on it");
        for (String reference : filedOnWrongVisit) {
            assertThatThrownBy(() -> client.read().resource(reference.substring(0, reference.indexOf('/')))
                    .withId(reference.substring(reference.indexOf('/') + 1)).execute())
                    .as(reference).isInstanceOf(ResourceGoneException.class);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.retractor' AND action = 'DELETE'"
                    + " AND resource_id = :id").param("id", reference.substring(reference.indexOf('/') + 1))
                    .query(Long.class).single()).as("audit of " + reference).isEqualTo(1);
        }
        UUID condition = UUID.fromString(filedOnWrongVisit.getFirst().substring("Condition/".length()));
        assertThat(retractions.find(condition)).hasValueSatisfying(r -> {
            assertThat(r.provenance().recordedBy()).isEqualTo("fhir.retractor");
            assertThat(r.reason()).contains("with its encounter " + wrongVisit.getIdElement().getIdPart());
        });
        assertThat(client.read().resource(Condition.class).withId(otherCondition).execute().getCode().getCodingFirstRep()
                .getCode()).isEqualTo("J45.909");
        assertThat(search(Encounter.class)).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly(otherVisit.getIdElement().getIdPart());
        PatientChart chart = charts.chart(patient.id(), ChartScope.FULL).orElseThrow();
        assertThat(chart.encounters()).hasSize(1);
        assertThat(chart.diagnoses()).extracting(d -> d.code().code()).containsExactly("J45.909");
        assertThat(chart.procedures()).isEmpty();
        assertThat(chart.observations()).isEmpty();
        assertThat(chart.documents()).allSatisfy(d -> assertThat(d.status().name()).isEqualTo("ENTERED_IN_ERROR"));
    }

    @Test
    void anEncounterSentWithStatusEnteredInErrorIsRetractedWithWhatWasFiledOnIt() {
        String lab = search(Observation.class).getFirst().getIdElement().getIdPart();
        Encounter sent = wrongVisit.copy();
        sent.setIdElement(wrongVisit.getIdElement().toUnqualifiedVersionless());
        sent.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);

        client.update().resource(sent).execute();

        assertThatThrownBy(() -> client.read().resource(Encounter.class).withId(sent.getIdElement().getIdPart()).execute())
                .isInstanceOf(ResourceGoneException.class);
        assertThatThrownBy(() -> client.read().resource(Observation.class).withId(lab).execute())
                .isInstanceOf(ResourceGoneException.class);
        Encounter last = (Encounter) client.history().onInstance("Encounter/" + sent.getIdElement().getIdPart())
                .returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        assertThat(last.getStatus()).isEqualTo(Encounter.EncounterStatus.ENTEREDINERROR);
    }

    private List<Resource> search(Class<? extends Resource> type) {
        return client.search().forResource(type).where(Condition.PATIENT.hasId(patient.id().toString()))
                .returnBundle(Bundle.class).execute().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .toList();
    }

    private String create(Resource resource) {
        return client.create().resource(resource).execute().getId().getIdPart();
    }

    private Encounter readBack(String id) {
        return client.read().resource(Encounter.class).withId(id).execute();
    }

    private static boolean onVisit(Reference reference, Encounter visit) {
        return reference.getReferenceElement().getIdPart().equals(visit.getIdElement().getIdPart());
    }

    private Encounter otherVisit() {
        Encounter visit = wrongVisit.copy();
        visit.setId((String) null);
        visit.setMeta(null);
        visit.getIdentifier().clear();
        visit.addIdentifier().setValue("W" + UUID.randomUUID().toString().substring(0, 8));
        return visit;
    }

    private Procedure procedureOn(Encounter visit) {
        Procedure p = new Procedure();
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setSubject(new Reference("Patient/" + patient.id()));
        p.setEncounter(new Reference("Encounter/" + visit.getIdElement().getIdPart()));
        p.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "232717009", "Coronary artery bypass grafting")));
        p.setPerformed(new DateTimeType(visit.getPeriod().getStart()));
        return p;
    }

    private Condition conditionOn(Encounter visit) {
        Condition c = new Condition();
        c.setSubject(new Reference("Patient/" + patient.id()));
        c.setEncounter(new Reference("Encounter/" + visit.getIdElement().getIdPart()));
        c.setClinicalStatus(new CodeableConcept(new Coding(ClinicalResources.CONDITION_CLINICAL, "active", null)));
        c.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "J45.909", "Asthma")));
        c.setOnset(new DateTimeType(visit.getPeriod().getStart()));
        return c;
    }
}
