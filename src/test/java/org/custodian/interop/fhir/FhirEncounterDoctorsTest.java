package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.ChartRepository;
import org.custodian.record.ChartScope;
import org.custodian.record.EncounterRepository;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.PatientChart;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Admitting (ADM) and referring (REF) doctors are encounter participants on read, search, create and update. */
@IntegrationTest
class FhirEncounterDoctorsTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PractitionerRepository practitioners;
    @Autowired
    EncounterRepository encounters;
    @Autowired
    ChartRepository charts;

    IGenericClient client;
    org.custodian.record.Patient patient;
    Encounter visit;
    Practitioner attending;
    Practitioner admitting;
    Practitioner referring;

    @BeforeEach
    void setUp() {
        FhirTestBed bed = new FhirTestBed(context, port);
        Facility hospital = bed.records().facility("FED", FacilityType.HOSPITAL);
        bed.user("fhir.doctors", Role.HIM_DIRECTOR, hospital);
        client = bed.signedIn("fhir.doctors");
        patient = bed.records().patient("Nell", FhirClients.uniqueName(), LocalDate.of(1958, 7, 9), hospital,
                "A" + UUID.randomUUID().toString().substring(0, 8));
        visit = (Encounter) client.search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(patient.id().toString())).returnBundle(Bundle.class).execute()
                .getEntryFirstRep().getResource();
        attending = doctor("Attending");
        admitting = doctor("Admitting");
        referring = doctor("Referring");
    }

    @Test
    void anEncounterCreatedWithAdmittingAndReferringDoctorsIsReadAndFoundWithThem() {
        Encounter sent = newVisit();
        sent.addParticipant().addType(type("ATND")).setIndividual(ref(attending));
        sent.addParticipant().addType(type("REF")).setIndividual(ref(referring));
        sent.addParticipant().addType(type("ADM")).setIndividual(ref(admitting));

        String id = client.create().resource(sent).execute().getId().getIdPart();

        Encounter read = client.read().resource(Encounter.class).withId(id).execute();
        assertThat(doctorsByType(read)).containsEntry("ATND", "Practitioner/" + attending.id())
                .containsEntry("ADM", "Practitioner/" + admitting.id()).containsEntry("REF", "Practitioner/" + referring.id());
        Encounter found = (Encounter) client.search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(patient.id().toString())).returnBundle(Bundle.class).execute().getEntry()
                .stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow();
        assertThat(doctorsByType(found)).isEqualTo(doctorsByType(read));
        PatientChart.EncounterRow row = charts.chart(patient.id(), ChartScope.FULL).orElseThrow().encounters().stream()
                .filter(e -> e.id().toString().equals(id)).findFirst().orElseThrow();
        assertThat(row.attending()).isEqualTo(attending.displayName());
        assertThat(row.admitting()).isEqualTo(admitting.displayName());
        assertThat(row.referring()).isEqualTo(referring.displayName());
    }

    @Test
    void doctorsTheHl7FeedAssignedAreShownAndAnUpdateChangesThemWithoutLosingTheOther() {
        String id = visit.getIdElement().getIdPart();
        org.custodian.record.Encounter stored = context.getBean(org.custodian.record.ClinicalQueries.class)
                .encounter(UUID.fromString(id)).orElseThrow();
        new FhirTestBed(context, port).tx().executeWithoutResult(s ->
                encounters.assignDoctors(stored, admitting.id(), null));
        assertThat(doctorsByType(client.read().resource(Encounter.class).withId(id).execute()))
                .containsOnlyKeys("ADM").containsEntry("ADM", "Practitioner/" + admitting.id());

        Encounter sent = client.read().resource(Encounter.class).withId(id).execute();
        sent.setIdElement(sent.getIdElement().toUnqualifiedVersionless());
        sent.getParticipant().clear();
        sent.addParticipant().addType(type("REF")).setIndividual(ref(referring));
        client.update().resource(sent).execute();

        assertThat(doctorsByType(client.read().resource(Encounter.class).withId(id).execute()))
                .containsEntry("ADM", "Practitioner/" + admitting.id()).containsEntry("REF", "Practitioner/" + referring.id())
                .doesNotContainKey("ATND");
    }

    @Test
    void anAdmittingDoctorTheRecordDoesNotKnowIsRejectedNamingTheParticipant() {
        Encounter sent = newVisit();
        sent.addParticipant().addType(type("ATND")).setIndividual(ref(attending));
        sent.addParticipant().addType(type("ADM")).setIndividual(new Reference("Practitioner/" + UUID.randomUUID()));

        assertThatThrownBy(() -> client.create().resource(sent).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("Encounter.participant[1].individual.reference");
    }

    private Encounter newVisit() {
        Encounter e = visit.copy();
        e.setId((String) null);
        e.setMeta(null);
        e.getParticipant().clear();
        e.getIdentifier().clear();
        e.addIdentifier().setValue("N" + UUID.randomUUID().toString().substring(0, 8));
        return e;
    }

    private Practitioner doctor(String family) {
        return practitioners.ensure(new Practitioner(UUID.randomUUID(), null, FhirClients.uniqueName(), family));
    }

    private static Reference ref(Practitioner p) {
        return new Reference("Practitioner/" + p.id());
    }

    private static CodeableConcept type(String code) {
        return new CodeableConcept(new Coding(EncounterParticipants.PARTICIPATION_TYPE, code, null));
    }

    /** Each participant's type code with the practitioner it names. */
    private static Map<String, String> doctorsByType(Encounter e) {
        return e.getParticipant().stream().collect(Collectors.toMap(
                p -> p.getTypeFirstRep().getCodingFirstRep().getCode(), p -> p.getIndividual().getReference()));
    }
}
