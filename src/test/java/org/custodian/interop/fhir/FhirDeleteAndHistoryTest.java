package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ChartRepository;
import org.custodian.record.ChartScope;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Provenance;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordRetractions;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordWriter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** DELETE marks entered-in-error and keeps every version; type-level _history pages through the versions a user may read. */
@IntegrationTest
class FhirDeleteAndHistoryTest {
    @LocalServerPort
    int port;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordRetractions retractions;
    @Autowired
    ChartRepository charts;

    RecordFixtures fixtures;
    Facility hospital;
    IGenericClient client;
    org.custodian.record.Patient patient;
    Instant before;

    @BeforeEach
    void setUp() {
        before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        fixtures = new RecordFixtures(facilities, writer, tx);
        hospital = fixtures.facility("FDH", FacilityType.HOSPITAL);
        Facility elsewhere = fixtures.facility("FDX", FacilityType.HOSPITAL);
        FhirClients.user(accounts, "fhir.deleter", Role.HIM_DIRECTOR, hospital);
        FhirClients.user(accounts, "fhir.elsewhere", Role.HIM_DIRECTOR, elsewhere);
        client = FhirClients.signedIn(port, "fhir.deleter");
        patient = fixtures.patient("Cleo", "Marsh", LocalDate.of(1972, 4, 5), hospital,
                "D" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aDeletedConditionIsGoneForReadsButKeptInItsHistory() {
        Condition condition = conditionOf(patient);
        String id = condition.getIdElement().getIdPart();

        MethodOutcome deleted = client.delete().resourceById("Condition", id).execute();

        assertThat(((OperationOutcome) deleted.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("entered-in-error");
        assertThatThrownBy(() -> client.read().resource(Condition.class).withId(id).execute())
                .isInstanceOf(ResourceGoneException.class);
        assertThat(client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(patient.id().toString()))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        Bundle history = client.history().onInstance("Condition/" + id).returnBundle(Bundle.class).execute();
        assertThat(history.getEntry()).hasSize(2);
        Condition last = (Condition) history.getEntryFirstRep().getResource();
        assertThat(last.getMeta().getVersionId()).isEqualTo("2");
        assertThat(last.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(last.getCode().getCodingFirstRep().getCode()).isEqualTo("I21.4");
        assertThat(history.getEntry().get(1).getResource().getMeta().getVersionId()).isEqualTo("1");
        assertThat(client.read().resource(Condition.class).withIdAndVersion(id, "1").execute().getCode()
                .getCodingFirstRep().getCode()).isEqualTo("I21.4");
        assertThatThrownBy(() -> client.read().resource(Condition.class).withIdAndVersion(id, "2").execute())
                .isInstanceOf(ResourceGoneException.class);
        assertThatThrownBy(() -> client.update().resource(condition.setIdElement(condition.getIdElement().toUnqualifiedVersionless()))
                .execute()).isInstanceOf(ResourceGoneException.class);

        client.delete().resourceById("Condition", id).execute(); // again: still a success, nothing more recorded
        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis WHERE id = :id::uuid").param("id", id).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(retractions.find(UUID.fromString(id))).as("the record itself holds the fact retracted")
                .hasValueSatisfying(r -> assertThat(r.provenance().recordedBy()).isEqualTo("fhir.deleter"));
        assertThat(charts.chart(patient.id(), ChartScope.FULL).orElseThrow().diagnoses()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.deleter' AND action = 'DELETE'"
                + " AND resource_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        Bundle provenance = client.search().byUrl("Provenance?target=Condition/" + id).returnBundle(Bundle.class).execute();
        assertThat(provenance.getEntry()).extracting(e -> ((org.hl7.fhir.r4.model.Provenance) e.getResource())
                .getAgentFirstRep().getWho().getDisplay()).contains("fhir.deleter");
    }

    @Test
    void aFactTheRecordRetractedElsewhereIsGoneThroughFhirToo() {
        Observation lab = (Observation) client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient.id().toString())).returnBundle(Bundle.class).execute()
                .getEntryFirstRep().getResource();
        String id = lab.getIdElement().getIdPart();

        tx.execute(s -> retractions.retract(RecordVersions.Fact.OBSERVATION, UUID.fromString(id), "mislabelled specimen",
                Provenance.now("HIM correction", "ticket 7", "him.clerk")));

        assertThatThrownBy(() -> client.read().resource(Observation.class).withId(id).execute())
                .isInstanceOf(ResourceGoneException.class).hasMessageContaining("him.clerk");
        assertThat(client.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient.id().toString()))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        Observation last = (Observation) client.history().onInstance("Observation/" + id).returnBundle(Bundle.class)
                .execute().getEntryFirstRep().getResource();
        assertThat(last.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(last.getMeta().getVersionId()).isEqualTo("2");
        assertThat(client.delete().resourceById("Observation", id).execute().getOperationOutcome())
                .as("deleting what the record retracted already changes nothing").isNotNull();
        assertThat(retractions.find(UUID.fromString(id)).orElseThrow().provenance().recordedBy()).isEqualTo("him.clerk");
    }

    @Test
    void aDeletedNoteIsRetractedInTheRecordAndPatientsAreNotDeleted() {
        DocumentReference note = (DocumentReference) client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId(patient.id().toString())).returnBundle(Bundle.class).execute()
                .getEntryFirstRep().getResource();
        String id = note.getIdElement().getIdPart();

        client.delete().resourceById("DocumentReference", id).execute();

        assertThatThrownBy(() -> client.read().resource(DocumentReference.class).withId(id).execute())
                .isInstanceOf(ResourceGoneException.class);
        Bundle history = client.history().onInstance("DocumentReference/" + id).returnBundle(Bundle.class).execute();
        assertThat(((DocumentReference) history.getEntryFirstRep().getResource()).getStatus())
                .isEqualTo(DocumentReferenceStatus.ENTEREDINERROR);
        assertThatThrownBy(() -> client.delete().resourceById("Patient", patient.id().toString()).execute())
                .isInstanceOf(BaseServerResponseException.class);
        assertThat(client.read().resource(Patient.class).withId(patient.id().toString()).execute().getIdElement()
                .getIdPart()).isEqualTo(patient.id().toString());
        CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(capabilities.getRest().getFirst().getResource()).filteredOn(r -> r.getType().equals("Condition"))
                .flatExtracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getInteraction)
                .filteredOn(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.DELETE)
                .extracting(CapabilityStatement.ResourceInteractionComponent::getDocumentation)
                .singleElement().asString().contains("entered-in-error");
    }

    @Test
    void typeHistoryPagesThroughTheVersionsSinceAndOnlyInTheUsersFacilities() {
        String id = conditionOf(patient).getIdElement().getIdPart();
        client.delete().resourceById("Condition", id).execute();

        List<String> versions = new ArrayList<>();
        StringBuilder pages = new StringBuilder();
        Bundle page = client.history().onType(Condition.class).returnBundle(Bundle.class).since(Date.from(before))
                .count(1).execute();
        assertThat(page.getEntry()).hasSize(1);
        while (true) {
            pages.append(ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().encodeResourceToString(page));
            page.getEntry().forEach(e -> versions.add("Condition/" + e.getResource().getIdElement().getIdPart()
                    + "/_history/" + e.getResource().getMeta().getVersionId()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = client.loadPage().next(page).execute();
        }

        assertThat(versions).as(pages.toString()).containsSubsequence("Condition/" + id + "/_history/2", "Condition/" + id + "/_history/1");
        assertThat(client.history().onType(Patient.class).returnBundle(Bundle.class).since(Date.from(before)).execute()
                .getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(patient.id().toString());
        assertThat(client.history().onType(Condition.class).returnBundle(Bundle.class)
                .since(Date.from(Instant.now().plusSeconds(3600))).execute().getEntry()).isEmpty();
        Bundle elsewhere = FhirClients.signedIn(port, "fhir.elsewhere").history().onType(Condition.class)
                .returnBundle(Bundle.class).since(Date.from(before)).execute();
        assertThat(elsewhere.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).doesNotContain(id);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.deleter' AND patient_id = :p"
                + " AND resource_type = 'Condition/_history'").param("p", patient.id()).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void systemHistoryListsTheVersionsOfEveryType() {
        List<String> types = new ArrayList<>();
        Bundle page = client.history().onServer().returnBundle(Bundle.class).since(Date.from(before)).count(100).execute();
        for (int i = 0; i < 20; i++) {
            page.getEntry().stream().filter(e -> e.getResource().getIdElement().getIdPart() != null)
                    .filter(e -> e.getResource().fhirType().equals("Patient")
                            ? e.getResource().getIdElement().getIdPart().equals(patient.id().toString())
                            : patient.id().toString().equals(subjectOf(e.getResource())))
                    .forEach(e -> types.add(e.getResource().fhirType()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = client.loadPage().next(page).execute();
        }

        assertThat(types).contains("Patient", "Encounter", "Condition", "Observation", "DocumentReference");
    }

    private static String subjectOf(org.hl7.fhir.r4.model.Resource resource) {
        var subject = Includes.reference(resource, "subject");
        return subject == null ? null : subject.getReferenceElement().getIdPart();
    }

    private Condition conditionOf(org.custodian.record.Patient p) {
        return (Condition) client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(p.id().toString()))
                .returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
    }
}
