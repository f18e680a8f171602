package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.ReleasePolicy;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.transcription.NewTranscription;
import org.custodian.transcription.TranscriptionJob;
import org.custodian.transcription.TranscriptionWork;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The authorization matrix for the endpoints added last sessions, which change things or answer with
 * files rather than show a chart page: user administration, one's own password, the FHIR DELETE, the
 * DNFB CSV export, the training sandbox load, the patient's record copies and accounting (PDF and FHIR,
 * which the page matrix cannot read for names) and a labelled transcription job with its take step.
 * Every role × a patient at the user's facility or another × a sensitivity label (on the patient, or on
 * one visit or document): only the roles allowed get through, a refusal is audited, and a refused
 * request changes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixNewEndpointsTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessPolicy policy;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcTemplate jdbc;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final Map<Role, String> users = new EnumMap<>(Role.class);
    final Map<String, WebFixtures.Chart> patients = new LinkedHashMap<>();
    Facility mine;
    String target;

    @BeforeAll
    void world() {
        WebFixtures fixtures = WebFixtures.of(context);
        mine = fixtures.hospital("MXN-A-" + suffix.toUpperCase());
        Facility other = fixtures.hospital("MXN-B-" + suffix.toUpperCase());
        patients.put("Mxnplain", fixtures.chart("Amy", "Mxnplain", LocalDate.of(1960, 1, 1), mine, "MXN1" + suffix));
        patients.put("Mxnparttwo", fixtures.chart("Bo", "Mxnparttwo", LocalDate.of(1961, 1, 1), mine, "MXN2" + suffix));
        patients.put("Mxnelsewhere", fixtures.chart("Cy", "Mxnelsewhere", LocalDate.of(1962, 1, 1), other,
                "MXN3" + suffix));
        for (Role role : Role.values()) {
            users.put(role, fixtures.user("mxn." + role.name().toLowerCase().replace('_', '.') + "." + suffix, role, mine));
        }
        target = fixtures.user("mxn.target." + suffix, Role.CLINICIAN, mine);
        CustodianUser officer = user(Role.PRIVACY_OFFICER);
        UUID parttwo = patients.get("Mxnparttwo").id();
        labels.label(officer, parttwo, LabelTarget.PATIENT, parttwo, SensitivityLabel.SUBSTANCE_USE_PART2);
        patients.put("Mxnvisit", fixtures.chart("Di", "Mxnvisit", LocalDate.of(1963, 1, 1), mine, "MXN4" + suffix));
        UUID visit = patients.get("Mxnvisit").id();
        labels.label(officer, visit, LabelTarget.ENCOUNTER, jdbc.queryForObject("SELECT encounter_id FROM diagnosis"
                + " WHERE patient_id = ? AND code = 'S93.401A'", UUID.class, visit), SensitivityLabel.SUBSTANCE_USE_PART2);
    }

    @Test
    void userAdministrationAnswersOnlyTheAdministratorAndEveryRefusalIsAudited() {
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            boolean allowed = user(role).can(Permission.MANAGE_USERS);
            for (String path : List.of("/admin/users", "/admin/users/new", "/admin/users/" + target)) {
                long before = lastSeq();
                Page page = session.get(path);
                assertThat(page.status()).as(role + " GET " + path).isEqualTo(allowed ? 200 : 403);
                if (!allowed) {
                    assertThat(page.body()).as(role + " GET " + path).doesNotContain(target);
                    assertThat(deniedSince(before, users.get(role))).as(role + " GET " + path + " refusal audited")
                            .isPositive();
                }
            }
            session.open("/");
            long before = lastSeq();
            Page disable = session.postWithToken("/admin/users/" + target + "/disable", Map.of("reason", "matrix"));
            if (allowed) {
                assertThat(disable.status()).as(role + " disables").isEqualTo(302);
                assertThat(enabled(target)).isFalse();
                session.open("/admin/users/" + target);
                session.postWithToken("/admin/users/" + target + "/enable", Map.of());
            } else {
                assertThat(disable.status()).as(role + " POST disable").isEqualTo(403);
                assertThat(deniedSince(before, users.get(role))).as(role + " POST disable refusal audited").isPositive();
            }
            assertThat(enabled(target)).as("after " + role).isTrue();
        }
    }

    @Test
    void everyRoleChangesOnlyItsOwnPassword() {
        for (Role role : Role.values()) {
            String username = users.get(role);
            WebSession session = WebSession.signedIn(port, username, PASSWORD);
            assertThat(session.open("/account/password").status()).as(role + " GET /account/password").isEqualTo(200);
            Page wrong = session.postWithToken("/account/password", Map.of("current", "not my password",
                    "replacement", "a brand new horse 42", "confirmation", "a brand new horse 42"));
            assertThat(wrong.status()).isEqualTo(302);
            session.open("/account/password");
            session.postWithToken("/account/password", Map.of("current", PASSWORD, "replacement",
                    "a brand new horse 42", "confirmation", "a brand new horse 42", "username", target));
            assertThat(new WebSession(port).signIn(username, "a brand new horse 42").location())
                    .as(role + " signs in with the new password").doesNotContain("/login");
            assertThat(new WebSession(port).signIn(target, PASSWORD).location())
                    .as(role + " did not change " + target + "'s password").doesNotContain("/login");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND action ="
                    + " 'PRIVILEGE_CHANGE' AND outcome = 'FAILURE'", Integer.class, username))
                    .as(role + ": the wrong current password is audited").isEqualTo(1);
            accounts.createOrReset(new NewUser(username, username, PASSWORD, user(role).roles(), java.util.Set.of(mine.id())), "test");
        }
    }

    @Test
    void theFhirDeleteRetractsOnlyWhereTheRoleFacilityAndLabelsAllowAWrite() {
        for (Role role : Role.values()) {
            CustodianUser user = user(role);
            for (var patient : patients.entrySet()) {
                UUID condition = sprain(patient.getValue());
                boolean allowed = policy.decidePart(user, Permission.IMPORT_RECORDS, patient.getValue().id(),
                        ClinicalQueries.Kind.DIAGNOSIS, condition) instanceof AccessDecision.Permit;
                boolean retractedBefore = retracted(condition);
                long before = lastSeq();
                int status = fhirDelete(users.get(role), "/fhir/Condition/" + condition);
                String cell = role + " DELETE Condition of " + patient.getKey();
                if (allowed) {
                    assertThat(status).as(cell).isIn(200, 204);
                    assertThat(retracted(condition)).as(cell).isTrue();
                } else {
                    assertThat(status).as(cell).isEqualTo(403);
                    assertThat(retracted(condition)).as(cell + " changes nothing").isEqualTo(retractedBefore);
                    assertThat(deniedSince(before, users.get(role))).as(cell + " refusal audited").isPositive();
                }
            }
        }
        assertThat(retracted(sprain(patients.get("Mxnplain")))).as("the HIM director may write here").isTrue();
        assertThat(retracted(sprain(patients.get("Mxnparttwo")))).as("Part 2 keeps even the director out").isFalse();
        assertThat(retracted(sprain(patients.get("Mxnelsewhere")))).as("another facility's patient").isFalse();
        assertThat(retracted(sprain(patients.get("Mxnvisit")))).as("a Part 2 label on the visit keeps the director"
                + " from retracting what was recorded in it").isFalse();
    }

    @Test
    void theRecordCopiesAndAccountingGoOnlyWhereTheReleaseDecisionAllows() {
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            CustodianUser user = user(role);
            for (var patient : patients.entrySet()) {
                UUID id = patient.getValue().id();
                boolean allowed = context.getBean(ReleasePolicy.class).decideReleaseWork(user, id)
                        instanceof AccessDecision.Permit;
                for (String path : List.of("/roi/patients/" + id + "/record.pdf", "/roi/patients/" + id
                        + "/record.fhir.json", "/roi/patients/" + id + "/accounting.pdf")) {
                    String cell = role + " GET " + path + " of " + patient.getKey();
                    long before = lastSeq();
                    Page page = session.get(path);
                    if (allowed) {
                        assertThat(page.status()).as(cell).isEqualTo(200);
                        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE seq > ? AND username = ?"
                                + " AND patient_id = ? AND outcome = 'SUCCESS'", Integer.class, before, users.get(role),
                                id)).as(cell + " audited").isPositive();
                    } else {
                        assertThat(page.status()).as(cell).isEqualTo(403);
                        assertThat(page.body()).as(cell).doesNotContain(patient.getKey());
                        assertThat(deniedSince(before, users.get(role))).as(cell + " refusal audited").isPositive();
                    }
                }
            }
        }
    }

    /**
     * A transcription job whose document carries its own HIV label: only the transcriptionist holding it
     * and its author open it; every other role is refused, audited, and cannot take it while it is held.
     */
    @Test
    void aLabelledTranscriptionJobOpensOnlyToThoseWithADutyOnIt() {
        WebFixtures.Chart chart = patients.get("Mxnplain");
        String mrn = "MXN1" + suffix;
        CustodianUser typist = user(Role.TRANSCRIPTIONIST);
        UUID attending = jdbc.queryForObject("SELECT attending_id FROM encounter WHERE patient_id = ? AND visit_number"
                + " = ?", UUID.class, chart.id(), "IP-" + mrn);
        TranscriptionJob job = context.getBean(TranscriptionWork.class).create(typist, new NewTranscription(mrn,
                "IP-" + mrn, DocumentType.CONSULTATION, null, "Consulted about the HIV regimen.", attending, null));
        labels.label(user(Role.PRIVACY_OFFICER), chart.id(), LabelTarget.DOCUMENT, job.documentId(), SensitivityLabel.HIV);
        String path = "/transcription/jobs/" + job.id();
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            long before = lastSeq();
            Page page = session.get(path);
            if (role == Role.TRANSCRIPTIONIST) {
                assertThat(page.status()).as(role + " holds the job").isEqualTo(200);
                assertThat(page.body()).contains("Consulted about the HIV regimen.");
                continue;
            }
            assertThat(page.status()).as(role + " GET " + path).isEqualTo(403);
            assertThat(page.body()).as(role + " GET " + path).doesNotContain("HIV regimen");
            assertThat(deniedSince(before, users.get(role))).as(role + " refusal audited").isPositive();
            session.open("/");
            Page take = session.postWithToken(path + "/take", Map.of());
            assertThat(take.status()).as(role + " POST take").isIn(302, 403);
            assertThat(jdbc.queryForObject("SELECT transcribed_by FROM transcription_job WHERE id = ?", String.class,
                    job.id())).as("still held by the typist after " + role).isEqualTo(users.get(Role.TRANSCRIPTIONIST));
        }
    }

    @Test
    void theDnfbExportGoesOnlyToAnalyticsRolesAndNamesNoPatient() {
        String path = "/analytics/export/dnfb.csv?facility=" + mine.code();
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            long before = lastSeq();
            Page csv = session.get(path);
            if (user(role).can(Permission.VIEW_ANALYTICS)) {
                assertThat(csv.status()).as(role + " " + path).isEqualTo(200);
                assertThat(csv.body()).contains("facility,month,as_of,dnfb_encounters");
            } else {
                assertThat(csv.status()).as(role + " " + path).isEqualTo(403);
                assertThat(deniedSince(before, users.get(role))).as(role + " refusal audited").isPositive();
            }
            for (var patient : patients.entrySet()) {
                assertThat(csv.body()).as(role + " " + path).doesNotContain(patient.getKey(),
                        patient.getValue().id().toString(), "MXN1" + suffix, "MXN2" + suffix);
            }
        }
    }

    @Test
    void onlyATrainerLoadsTheSandbox() {
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            boolean allowed = user(role).can(Permission.MANAGE_TRAINING);
            session.open("/");
            long before = lastSeq();
            // zero patients: a trainer is told what is wrong, so no Synthea run starts in the test
            Page load = session.postWithToken("/training/sandbox/loads", Map.of("patients", "0", "seed", "7"));
            if (allowed) {
                assertThat(load.status()).as(role + " POST load").isEqualTo(400);
                assertThat(load.body()).contains("Patients must be between 1 and 1000, not 0.");
            } else {
                assertThat(load.status()).as(role + " POST load").isEqualTo(403);
                assertThat(deniedSince(before, users.get(role))).as(role + " refusal audited").isPositive();
            }
            Page status = session.get("/training/sandbox/loads/" + UUID.randomUUID());
            assertThat(status.status()).as(role + " GET a load").isEqualTo(allowed ? 404 : 403);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM training_sandbox_load WHERE requested_by LIKE 'mxn.%'",
                Integer.class)).isZero();
    }

    private UUID sprain(WebFixtures.Chart chart) {
        return jdbc.queryForObject("SELECT id FROM diagnosis WHERE patient_id = ? AND code = 'S93.401A'", UUID.class,
                chart.id());
    }

    private boolean retracted(UUID diagnosis) {
        return jdbc.queryForObject("SELECT entered_in_error FROM diagnosis WHERE id = ?", Boolean.class, diagnosis);
    }

    private boolean enabled(String username) {
        return jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = ?", Boolean.class, username);
    }

    private int deniedSince(long seq, String username) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE seq > ? AND username = ? AND outcome = 'DENIED'",
                Integer.class, seq, username);
    }

    private long lastSeq() {
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
    }

    private int fhirDelete(String username, String path) {
        try {
            String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + basic)
                    .header("Accept", "application/fhir+json").DELETE().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private CustodianUser user(Role role) {
        return accounts.find(users.get(role)).orElseThrow();
    }
}
