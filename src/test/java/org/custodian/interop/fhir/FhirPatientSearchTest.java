package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.mpi.Actor;
import org.custodian.mpi.MergeSource;
import org.custodian.mpi.PatientMerges;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patient searches: by _id with _revinclude of the record's resources; patients merged away are hidden but readable. */
@IntegrationTest
class FhirPatientSearchTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PatientMerges merges;

    RecordFixtures fixtures;
    Facility hospital;
    IGenericClient client;
    String family;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        fixtures = bed.records();
        hospital = fixtures.facility("FPS", FacilityType.HOSPITAL);
        bed.user("fhir.searcher", Role.HIM_DIRECTOR, hospital);
        client = FhirClients.signedIn(port, "fhir.searcher");
        family = "Quill" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
    }

    @Test
    void revincludeOnAPatientSearchAddsTheResourcesOfItsRecordThatPointAtIt() {
        var patient = fixtures.patient("Ada", family, LocalDate.of(1950, 2, 3), hospital, mrn());

        Bundle found = client.search().forResource(Patient.class)
                .where(new TokenClientParam("_id").exactly().code(patient.id().toString()))
                .revInclude(Encounter.INCLUDE_PATIENT).revInclude(Condition.INCLUDE_PATIENT)
                .revInclude(Observation.INCLUDE_PATIENT).revInclude(Provenance.INCLUDE_TARGET)
                .returnBundle(Bundle.class).execute();

        assertThat(found.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("Patient", "Encounter", "Condition", "Observation", "Provenance");
        assertThat(found.getEntry()).filteredOn(e -> e.getResource() instanceof Patient)
                .extracting(e -> e.getSearch().getMode()).containsExactly(Bundle.SearchEntryMode.MATCH);
        assertThat(found.getEntry()).filteredOn(e -> !(e.getResource() instanceof Patient))
                .extracting(e -> e.getSearch().getMode()).containsOnly(Bundle.SearchEntryMode.INCLUDE);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.searcher' AND patient_id = :p"
                        + " AND resource_type = 'Patient/_revinclude'").param("p", patient.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPatientMergedAwayIsLeftOutOfSearchesButReadsAsReplacedByTheSurvivor() {
        var survivor = fixtures.patient("Bea", family, LocalDate.of(1961, 7, 8), hospital, mrn());
        var retired = fixtures.patient("Bea", family, LocalDate.of(1961, 7, 8), hospital, mrn());
        merges.merge(survivor.id(), retired.id(), MergeSource.REVIEW, Actor.system("test"));

        Bundle found = client.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(survivor.id().toString());
        assertThat(client.search().forResource(Patient.class)
                .where(new TokenClientParam("_id").exactly().code(retired.id().toString()))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();

        Patient read = client.read().resource(Patient.class).withId(retired.id().toString()).execute();
        assertThat(read.getActive()).isFalse();
        assertThat(read.getLink()).singleElement().satisfies(link -> {
            assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
            assertThat(link.getOther().getReference()).isEqualTo("Patient/" + survivor.id());
        });
    }

    private static String mrn() {
        return "S" + UUID.randomUUID().toString().substring(0, 8);
    }
}
