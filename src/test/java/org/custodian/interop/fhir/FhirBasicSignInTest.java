package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.NewUser;
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
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic credentials verified once are not hashed again on every request, yet each request is
 * still a sign-in as before: audited, decided on the account as it is now. A changed password or a
 * lockout stops the remembered credentials at once.
 */
@IntegrationTest
class FhirBasicSignInTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    FhirTestBed bed;
    Facility hospital;
    String username;
    org.custodian.record.Patient patient;

    @BeforeEach
    void setUp() {
        bed = new FhirTestBed(context, port);
        RecordFixtures fixtures = bed.records();
        hospital = fixtures.facility("FBS", FacilityType.HOSPITAL);
        username = "fhir.basic." + UUID.randomUUID().toString().substring(0, 8);
        bed.user(username, Role.CODER, hospital);
        patient = fixtures.patient("Oona", FhirClients.uniqueName(), LocalDate.of(1971, 7, 1), hospital,
                "B" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void everyRequestIsStillASignInAndAnAuditedRead() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(read(FhirClients.PASSWORD).statusCode()).isEqualTo(200);
        }

        assertThat(events("LOGIN")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND action = 'READ' AND patient_id = :p")
                .param("u", username).param("p", patient.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aChangedPasswordStopsTheRememberedOne() throws Exception {
        assertThat(read(FhirClients.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(read(FhirClients.PASSWORD).statusCode()).isEqualTo(200);

        bed.accounts().createOrReset(new NewUser(username, username, "a different passphrase",
                Set.of(Role.CODER), Set.of(hospital.id())), "test");

        assertThat(read(FhirClients.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(read("a different passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    void aLockedAccountIsRefusedWithRememberedCredentials() throws Exception {
        assertThat(read(FhirClients.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(read(FhirClients.PASSWORD).statusCode()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            assertThat(read("not the password " + i).statusCode()).isEqualTo(401);
        }

        assertThat(events("LOGIN_FAILED")).isEqualTo(5);
        assertThat(read(FhirClients.PASSWORD).statusCode()).as("locked after five failures").isEqualTo(401);
    }

    @Test
    void rememberedCredentialsAreNotHashedAgainAndWrongOnesAreNotRemembered() {
        PasswordEncoder real = context.getBean(PasswordEncoder.class);
        AtomicInteger hashed = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashed.incrementAndGet();
                return real.matches(raw, encoded);
            }
        };
        var credentials = new VerifiedBasicCredentials(context.getBean(UserDetailsService.class), counting);

        assertThat(credentials.user(username, FhirClients.PASSWORD)).isEmpty();
        credentials.remember(username, FhirClients.PASSWORD);
        credentials.remember(username, "not the password");
        for (int i = 0; i < 3; i++) {
            assertThat(credentials.user(username, FhirClients.PASSWORD)).map(CustodianUser::getUsername).contains(username);
        }

        assertThat(credentials.user(username, "not the password")).isEmpty();
        assertThat(credentials.user("someone.else", FhirClients.PASSWORD)).isEmpty();
        assertThat(hashed).as("password hashes computed").hasValue(2);
    }

    private long events(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND action = :a")
                .param("u", username).param("a", action).query(Long.class).single();
    }

    private HttpResponse<String> read(String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/" + patient.id()))
                .header("Authorization", FhirClients.basic(username, password))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
