package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;
import org.custodian.record.RecordFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** HTTP Basic for an account with two-step sign-in: the password alone gets no data; with the authenticator code it does. */
@IntegrationTest
class FhirTwoStepSignInTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    FhirTestBed bed;
    @Autowired
    UserDetailsService users;
    @Autowired
    MultiFactor multiFactor;
    @Autowired
    JdbcClient jdbc;

    String username;
    byte[] secret;
    org.custodian.record.Patient patient;

    @BeforeEach
    void setUp() throws Exception {
        bed = new FhirTestBed(context, port);
        RecordFixtures fixtures = bed.records();
        Facility hospital = fixtures.facility("FMF", FacilityType.HOSPITAL);
        username = "fhir.mfa." + UUID.randomUUID().toString().substring(0, 8);
        bed.user(username, Role.CODER, hospital);
        patient = fixtures.patient("Ines", "Okafor", LocalDate.of(1983, 9, 10), hospital,
                "M" + UUID.randomUUID().toString().substring(0, 8));
        CustodianUser user = (CustodianUser) users.loadUserByUsername(username);
        MultiFactor.Enrolment enrolment = multiFactor.startEnrolment(user);
        secret = new Base32().decode(enrolment.secret());
        multiFactor.confirmEnrolment(user, code(-1));
    }

    @Test
    void aPasswordAloneIsRefusedWithAnOutcomeNamingTheWaysIn() throws Exception {
        HttpResponse<String> answer = get("/fhir/Patient/" + patient.id(), FhirClients.PASSWORD, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("OperationOutcome").contains("X-Custodian-OTP").contains("$token");
        assertThat(get("/fhir/Patient/" + patient.id(), FhirClients.PASSWORD, "000000").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND action = 'LOGIN_FAILED'")
                .param("u", username).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theCodeInItsHeaderOrAfterThePasswordSignsInOnceAndATokenCarriesOn() throws Exception {
        assertThat(get("/fhir/Patient/" + patient.id(), FhirClients.PASSWORD, code(0)).statusCode()).isEqualTo(200);

        String next = code(1);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/fhir/$token".replace("$", "%24"))).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", basic(FhirClients.PASSWORD + next)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(get("/fhir/Patient/" + patient.id(), FhirClients.PASSWORD + next, null).statusCode())
                .as("a code works once").isEqualTo(401);

        String bearer = new ObjectMapper().readTree(token.body()).path("access_token").asText();
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/"
                        + patient.id())).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Okafor");
    }

    private HttpResponse<String> get(String path, String password, String code) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/fhir+json").header("Authorization", basic(password));
        if (code != null) {
            request.header("X-Custodian-OTP", code);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String basic(String password) {
        return FhirClients.basic(username, password);
    }

    /** RFC 6238 TOTP for the step {@code offset} steps from now, as an authenticator app shows it. */
    private String code(int offset) throws Exception {
        long step = Math.floorDiv(Instant.now().getEpochSecond(), 30) + offset;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int at = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[at] & 0x7f) << 24) | ((hash[at + 1] & 0xff) << 16) | ((hash[at + 2] & 0xff) << 8)
                | (hash[at + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
