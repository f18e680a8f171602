package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** AuditEvent for those who may view the trail only; Provenance of every version of a resource. */
@IntegrationTest
class FhirAuditApiTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;

    org.custodian.record.Patient patient;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        RecordFixtures fixtures = bed.records();
        Facility hospital = fixtures.facility("FAA", FacilityType.HOSPITAL);
        bed.user("fhir.clerk", Role.HIM_DIRECTOR, hospital);
        bed.user("fhir.coder2", Role.CODER, hospital);
        bed.user("fhir.auditor", Role.AUDITOR);
        patient = fixtures.patient("Vera", "Quist", LocalDate.of(1944, 2, 2), hospital,
                "A" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void onlyARoleThatMayViewTheTrailSeesAuditEvents() {
        IGenericClient coder = FhirClients.signedIn(port, "fhir.coder2");
        coder.read().resource(Patient.class).withId(patient.id().toString()).execute();

        Bundle events = FhirClients.signedIn(port, "fhir.auditor").search().forResource(AuditEvent.class)
                .where(AuditEvent.PATIENT.hasId("Patient/" + patient.id())).returnBundle(Bundle.class).execute();

        assertThat(events.getEntry()).extracting(e -> ((AuditEvent) e.getResource()).getAgentFirstRep().getAltId())
                .contains("fhir.coder2");
        String id = events.getEntryFirstRep().getResource().getIdElement().getIdPart();
        AuditEvent one = FhirClients.signedIn(port, "fhir.auditor").read().resource(AuditEvent.class).withId(id)
                .execute();
        assertThat(one.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + patient.id());
        assertThatThrownBy(() -> coder.search().forResource(AuditEvent.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    void provenanceNamesEachVersionsSourceAndRecorder() {
        IGenericClient clerk = FhirClients.signedIn(port, "fhir.clerk");
        Patient current = clerk.read().resource(Patient.class).withId(patient.id().toString()).execute();
        current.getNameFirstRep().setFamily("Quist-Holm");
        clerk.update().resource(current).execute();

        Bundle provenance = clerk.search().forResource(Provenance.class)
                .where(Provenance.TARGET.hasId("Patient/" + patient.id())).returnBundle(Bundle.class).execute();

        assertThat(provenance.getEntry()).hasSize(2);
        Provenance second = (Provenance) provenance.getEntry().get(1).getResource();
        assertThat(second.getTargetFirstRep().getReference()).endsWith("/_history/2");
        assertThat(second.getAgentFirstRep().getWho().getDisplay()).isEqualTo("fhir.clerk");
        assertThat(second.getEntityFirstRep().getWhat().getDisplay()).startsWith("FHIR API");
        Provenance first = clerk.read().resource(Provenance.class).withId("Patient-" + patient.id() + "-1").execute();
        assertThat(first.getAgentFirstRep().getWho().getDisplay()).isEqualTo("tester");
    }
}
