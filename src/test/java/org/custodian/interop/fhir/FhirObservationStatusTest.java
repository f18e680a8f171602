package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Observation.status is stored as sent (create and transaction) and read back, not always final. */
@IntegrationTest
class FhirObservationStatusTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    IGenericClient client;
    String patientId;

    @BeforeEach
    void setUp() {
        FhirTestBed bed = new FhirTestBed(context, port);
        Facility hospital = bed.records().facility("FOS", FacilityType.HOSPITAL);
        bed.user("fhir.status", Role.HIM_DIRECTOR, hospital);
        client = bed.signedIn("fhir.status");
        Patient p = new Patient();
        p.addIdentifier().setSystem(FhirIds.mrnSystem("FOS")).setValue("S" + UUID.randomUUID().toString().substring(0, 8));
        p.addName().setFamily(FhirClients.uniqueName()).addGiven(FhirClients.uniqueName());
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1971-05-04"));
        patientId = client.create().resource(p).execute().getId().getIdPart();
    }

    @Test
    void aPreliminaryObservationCreatedIsReadBackAsPreliminaryAndFoundByItsStatus() {
        String id = client.create().resource(glucose(ObservationStatus.PRELIMINARY)).execute().getId().getIdPart();

        Observation read = client.read().resource(Observation.class).withId(id).execute();

        assertThat(read.getStatus()).isEqualTo(ObservationStatus.PRELIMINARY);
        assertThat(jdbc.sql("SELECT status FROM observation WHERE id = :id::uuid").param("id", id)
                .query(String.class).single()).isEqualTo("PRELIMINARY");
        Bundle preliminary = client.search().forResource(Observation.class)
                .where(Observation.SUBJECT.hasId("Patient/" + patientId))
                .and(new TokenClientParam("status").exactly().code("preliminary")).returnBundle(Bundle.class).execute();
        Bundle finals = client.search().forResource(Observation.class)
                .where(Observation.SUBJECT.hasId("Patient/" + patientId))
                .and(new TokenClientParam("status").exactly().code("final")).returnBundle(Bundle.class).execute();
        assertThat(preliminary.getEntry()).hasSize(1);
        assertThat(finals.getEntry()).isEmpty();
    }

    @Test
    void aTransactionKeepsEachObservationsStatusAndAnUpdateChangesIt() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (ObservationStatus status : new ObservationStatus[] {ObservationStatus.CORRECTED, ObservationStatus.CANCELLED,
            ObservationStatus.ENTEREDINERROR}) {
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(glucose(status)).getRequest()
                    .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        }

        Bundle response = client.transaction().withBundle(bundle).execute();

        assertThat(response.getEntry()).extracting(e -> client.read().resource(Observation.class)
                        .withUrl(e.getResponse().getLocation().replaceFirst("/_history/.*", "")).execute().getStatus())
                .containsExactly(ObservationStatus.CORRECTED, ObservationStatus.CANCELLED, ObservationStatus.ENTEREDINERROR);

        String first = response.getEntryFirstRep().getResponse().getLocation().split("/")[1];
        Observation amended = glucose(ObservationStatus.AMENDED);
        amended.setId(first);
        client.update().resource(amended).execute();
        assertThat(client.read().resource(Observation.class).withId(first).execute().getStatus())
                .isEqualTo(ObservationStatus.AMENDED);
    }

    private Observation glucose(ObservationStatus status) {
        Observation glucose = new Observation();
        glucose.setStatus(status);
        glucose.setCode(new CodeableConcept(new Coding("http://loinc.org", "2339-0", "Glucose")));
        glucose.setSubject(new Reference("Patient/" + patientId));
        glucose.setEffective(new DateTimeType("2025-04-01T08:00:00Z"));
        glucose.setValue(new Quantity().setValue(104).setUnit("mg/dL"));
        return glucose;
    }
}
