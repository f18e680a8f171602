package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bearer tokens from $token sign API requests in without a password; _include and _revinclude follow the common chains. */
@IntegrationTest
class FhirTokenAndIncludeTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    JdbcClient jdbc;

    org.custodian.record.Patient patient;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        RecordFixtures fixtures = bed.records();
        Facility hospital = fixtures.facility("FTA", FacilityType.HOSPITAL);
        bed.user("fhir.tokened", Role.CODER, hospital);
        patient = fixtures.patient("Juno", "Farrow", LocalDate.of(1966, 6, 6), hospital,
                "T" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aBearerTokenSignsInAndOnlyItsHashIsKept() throws Exception {
        String token = token();
        IGenericClient client = FhirClients.anonymous(port);
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));

        Patient read = client.read().resource(Patient.class).withId(patient.id().toString()).execute();

        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Farrow");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = :h").param("h", ApiTokens.sha256(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = :t").param("t", token)
                .query(Long.class).single()).isZero();
        IGenericClient forged = FhirClients.anonymous(port);
        forged.registerInterceptor(new BearerTokenAuthInterceptor(token + "x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forged.read().resource(Patient.class)
                .withId(patient.id().toString()).execute()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void includeAndRevincludeFollowEncounterChains() {
        IGenericClient client = FhirClients.signedIn(port, "fhir.tokened");

        Bundle conditions = client.search().forResource(Condition.class)
                .where(Condition.PATIENT.hasId("Patient/" + patient.id()))
                .include(Condition.INCLUDE_ENCOUNTER).include(Condition.INCLUDE_PATIENT)
                .returnBundle(Bundle.class).execute();
        assertThat(conditions.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("Condition", "Encounter", "Patient");

        Bundle encounters = client.search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId("Patient/" + patient.id()))
                .revInclude(Condition.INCLUDE_ENCOUNTER).returnBundle(Bundle.class).execute();
        assertThat(encounters.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("Encounter", "Condition");
    }

    private String token() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fhir/$token"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", FhirClients.basic("fhir.tokened")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
    }
}
