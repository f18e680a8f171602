package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk Data export: kick-off, status polling, NDJSON files, only for the user who asked. */
@IntegrationTest
class FhirBulkExportTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    BulkExport bulk;

    Facility clinic;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        RecordFixtures fixtures = bed.records();
        clinic = fixtures.facility("FXA", FacilityType.PHYSICIAN_OFFICE);
        bed.user("fhir.exporter", Role.CODER, clinic);
        bed.user("fhir.other", Role.CODER, clinic);
        if (jdbc.sql("SELECT count(*) FROM patient_identifier WHERE facility_id = :f").param("f", clinic.id())
                .query(Long.class).single() == 0) {
            fixtures.patient("Iris", "Vandermeer", LocalDate.of(1980, 1, 2), clinic, "X1");
            fixtures.patient("Otto", "Vandermeer", LocalDate.of(1990, 3, 4), clinic, "X2");
        }
    }

    @Test
    void aGroupExportRunsAsynchronouslyAndServesNdjsonToItsOwner() throws Exception {
        HttpResponse<String> kickOff = get("/fhir/Group/" + clinic.id() + "/$export?_type=Patient", "fhir.exporter",
                true);
        assertThat(kickOff.statusCode()).isEqualTo(202);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();

        JsonNode manifest = poll(status);

        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        JsonNode output = manifest.path("output");
        assertThat(output).hasSize(1);
        assertThat(output.get(0).path("type").asText()).isEqualTo("Patient");
        assertThat(output.get(0).path("count").asInt()).isEqualTo(2);
        String url = output.get(0).path("url").asText();
        HttpResponse<String> file = get(url, "fhir.exporter", false);
        assertThat(file.statusCode()).isEqualTo(200);
        List<Patient> patients = file.body().lines().map(line -> FhirContext.forR4Cached().newJsonParser()
                .parseResource(Patient.class, line)).toList();
        assertThat(patients).extracting(p -> p.getNameFirstRep().getGivenAsSingleString())
                .containsExactlyInAnyOrder("Iris", "Otto");

        assertThat(get(url, "fhir.other", false).statusCode()).isEqualTo(404);
        assertThat(get(status, "fhir.other", false).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.exporter'"
                + " AND resource_type = 'Bulk $export'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sinceLeavesOutWhatDidNotChangeAndAKickOffNeedsRespondAsync() throws Exception {
        assertThat(get("/fhir/$export", "fhir.exporter", false).statusCode()).isEqualTo(400);

        HttpResponse<String> kickOff = get("/fhir/Group/" + clinic.id() + "/$export?_since=2999-01-01T00:00:00Z",
                "fhir.exporter", true);
        JsonNode manifest = poll(kickOff.headers().firstValue("Content-Location").orElseThrow());

        assertThat(manifest.path("output")).isEmpty();
    }

    @Test
    void aDeleteOnTheStatusUrlCancelsTheExportAndRemovesItsFiles() throws Exception {
        HttpResponse<String> kickOff = get("/fhir/Group/" + clinic.id() + "/$export?_type=Patient", "fhir.exporter",
                true);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        JsonNode manifest = poll(status);
        String jobId = status.substring(status.indexOf("_jobId=") + "_jobId=".length());
        java.nio.file.Path directory = bulk.directory(java.util.UUID.fromString(jobId));
        assertThat(directory).isDirectory();

        assertThat(delete(status, "fhir.other").statusCode()).isEqualTo(404);
        HttpResponse<String> cancelled = delete(status, "fhir.exporter");

        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(directory).doesNotExist();
        assertThat(get(status, "fhir.exporter", false).statusCode()).isEqualTo(404);
        assertThat(get(manifest.path("output").get(0).path("url").asText(), "fhir.exporter", false).statusCode())
                .isEqualTo(404);
        assertThat(delete(status, "fhir.exporter").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM fhir_export_job WHERE id = :id::uuid").param("id", jobId)
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'fhir.exporter' AND action = 'DELETE'"
                + " AND resource_id = :id").param("id", jobId).query(Long.class).single()).isEqualTo(1);
    }

    private HttpResponse<String> delete(String url, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url.replace("$", "%24"))).DELETE()
                .header("Authorization", FhirClients.basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode poll(String statusUrl) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> status = get(statusUrl, "fhir.exporter", false);
            if (status.statusCode() == 200) {
                return JSON.readTree(status.body());
            }
            assertThat(status.statusCode()).isEqualTo(202);
            assertThat(status.headers().firstValue("X-Progress")).isPresent();
            Thread.sleep(200);
        }
        throw new AssertionError("export did not finish: " + statusUrl);
    }

    private HttpResponse<String> get(String pathOrUrl, String user, boolean async) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("$", "%24")))
                .header("Accept", "application/fhir+json")
                .header("Authorization", FhirClients.basic(user));
        if (async) {
            request.header("Prefer", "respond-async");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
