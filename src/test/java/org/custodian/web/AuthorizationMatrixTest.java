package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.IntegrationTest;
import org.custodian.analytics.OutcomeMeasure;
import org.custodian.disclosure.Amendments;
import org.custodian.disclosure.NewAmendment;
import org.custodian.disclosure.NewRequest;
import org.custodian.disclosure.Purpose;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.disclosure.RequesterType;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.BreakGlass;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Permission;
import org.custodian.privacy.ReleasePolicy;
import org.custodian.privacy.PurposeOfUse;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.scanning.Filing;
import org.custodian.scanning.Intake;
import org.custodian.scanning.ScanActor;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanIntake;
import org.custodian.scanning.ScanSamples;
import org.custodian.transcription.NewTranscription;
import org.custodian.transcription.TranscriptionWork;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every role × a patient at the user's facility or another × sensitivity labels:
 * a response that shows a patient's PHI must come with an allowed decision and a successful audit
 * event of that request. Endpoints are discovered from Spring's handler mappings (so screens added
 * later are covered) plus the FHIR API, which HAPI serves outside Spring MVC.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> FHIR = List.of("/fhir/Patient/{patientId}", "/fhir/Encounter?patient={patientId}",
            "/fhir/Observation?patient={patientId}", "/fhir/DocumentReference?patient={patientId}",
            "/fhir/Condition?patient={patientId}", "/fhir/Procedure?patient={patientId}",
            "/fhir/DocumentReference/{documentId}", "/fhir/Patient?family={family}",
            "/fhir/Patient/{patientId}/$everything");
    /** Answer without sign-in, listed so that a new public page is a decision someone made. */
    private static final Set<String> PUBLIC = Set.of("/login", "/healthz", "/error", "/fhir/metadata");
    /**
     * Text of the discharge summary every fixture chart has; on the labelled-document patient it is
     * HIV-labelled. Its content is what must not show: a link or title (an amendment request about
     * it, say) leads only to the access check.
     */
    private static final String SUMMARY_TEXT = "Treated with antibiotics";

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

    @Autowired
    BreakGlass breakGlass;
    @Autowired
    ReleaseRequests releaseRequests;
    @Autowired
    Amendments amendments;
    @Autowired
    TranscriptionWork transcription;
    @Autowired
    ScanIntake scanIntake;
    @Autowired
    ScanIndexing scanIndexing;

    final Map<String, WebFixtures.Chart> patients = new LinkedHashMap<>();
    final Map<Role, String> users = new EnumMap<>(Role.class);
    /** Path ids that belong to a patient's record, by patient: release request, amendment, inpatient encounter. */
    final Map<UUID, UUID> requestOf = new java.util.HashMap<>();
    final Map<UUID, UUID> amendmentOf = new java.util.HashMap<>();
    final Map<UUID, UUID> encounterOf = new java.util.HashMap<>();
    /** Work items added last session that belong to a patient's record: a transcription job and a filed scan. */
    final Map<UUID, UUID> transcriptionOf = new java.util.HashMap<>();
    final Map<UUID, UUID> scanOf = new java.util.HashMap<>();

    @BeforeAll
    void world() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility mine = fixtures.hospital("MATRIX-A");
        Facility other = fixtures.hospital("MATRIX-B");
        patients.put("Mxplain", fixtures.chart("Ann", "Mxplain", LocalDate.of(1950, 1, 1), mine, "MXA1"));
        patients.put("Mxhiv", fixtures.chart("Ben", "Mxhiv", LocalDate.of(1951, 1, 1), mine, "MXA2"));
        patients.put("Mxparttwo", fixtures.chart("Cat", "Mxparttwo", LocalDate.of(1952, 1, 1), mine, "MXA3"));
        patients.put("Mxvip", fixtures.chart("Dan", "Mxvip", LocalDate.of(1953, 1, 1), mine, "MXA4"));
        patients.put("Mxelsewhere", fixtures.chart("Eve", "Mxelsewhere", LocalDate.of(1954, 1, 1), other, "MXB1"));
        for (Role role : Role.values()) {
            users.put(role, fixtures.user("matrix." + role.name().toLowerCase().replace('_', '.'), role, mine));
        }
        CustodianUser officer = user(Role.PRIVACY_OFFICER);
        label(officer, "Mxhiv", SensitivityLabel.HIV);
        label(officer, "Mxparttwo", SensitivityLabel.SUBSTANCE_USE_PART2);
        label(officer, "Mxvip", SensitivityLabel.VIP);
        patients.put("Mxdocument", fixtures.chart("Fay", "Mxdocument", LocalDate.of(1955, 1, 1), mine, "MXA5"));
        labels.label(officer, id("Mxdocument"), LabelTarget.DOCUMENT, patients.get("Mxdocument").dischargeSummary(),
                SensitivityLabel.HIV);
        pathIds(accounts.find(fixtures.user("mxfixture.director", Role.HIM_DIRECTOR, mine, other)).orElseThrow());
    }

    /**
     * Each patient's release request, amendment request, inpatient encounter, transcription job and
     * filed scan, so that addresses with those ids in them read that patient's record. An HIM director
     * at both facilities opens them, breaking the glass where a label would keep them out.
     */
    private void pathIds(CustodianUser director) {
        for (WebFixtures.Chart chart : patients.values()) {
            if (policy.decide(director, Permission.RELEASE_INFORMATION, chart.id()) instanceof AccessDecision.Deny) {
                breakGlass.declare(director, chart.id(), "matrix fixture: open a release request");
            }
            requestOf.put(chart.id(), releaseRequests.open(director, new NewRequest(chart.id(), RequesterType.PATIENT,
                    "The patient", null, "Discharge summary", Purpose.PERSONAL_USE, LocalDate.now(), null, false)));
            amendmentOf.put(chart.id(), amendments.request(director, new NewAmendment(chart.id(), chart.dischargeSummary(),
                    "Correct the cough.", "It was a wheeze.", LocalDate.now())));
            encounterOf.put(chart.id(), jdbc.queryForObject("SELECT id FROM encounter WHERE patient_id = ? "
                    + "AND visit_number LIKE 'IP-%'", UUID.class, chart.id()));
            String mrn = jdbc.queryForObject("SELECT value FROM patient_identifier WHERE patient_id = ?", String.class,
                    chart.id());
            UUID attending = jdbc.queryForObject("SELECT attending_id FROM encounter WHERE id = ?", UUID.class,
                    encounterOf.get(chart.id()));
            transcriptionOf.put(chart.id(), transcription.create(director, new NewTranscription(mrn, "IP-" + mrn,
                    DocumentType.CONSULTATION, null, "Consulted for the cough.", attending, null)).id());
            UUID facility = jdbc.queryForObject("SELECT facility_id FROM encounter WHERE id = ?", UUID.class,
                    encounterOf.get(chart.id()));
            Intake received = scanIntake.receive(new java.io.ByteArrayInputStream(ScanSamples.pdf(1,
                    "matrix scan " + mrn)), "matrix.pdf", "application/pdf", facility, ScanActor.of(director, "test"));
            UUID scan = ((Intake.Accepted) received).scan().id();
            scanIndexing.index(director, "test", scan, new Filing(chart.id(), encounterOf.get(chart.id()),
                    DocumentType.CONSULTATION, LocalDate.now().minusDays(1)));
            scanOf.put(chart.id(), scan);
        }
    }

    @Test
    void noEndpointShowsAPatientsPhiWithoutAnAllowedDecisionAndAnAuditEvent() {
        List<String> endpoints = endpoints(RequestMethod.GET);
        assertThat(endpoints).as("discovered from the handler mappings")
                .contains("/patients/{patientId}", "/patients/{patientId}/documents/{documentId}", "/privacy");
        List<String> violations = new ArrayList<>();
        int shown = 0;
        int cells = 0;
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            CustodianUser user = user(role);
            for (var patient : patients.entrySet()) {
                AccessDecision decision = policy.decide(user, Permission.READ_CHART, patient.getValue().id());
                boolean documentAllowed = documentAllowed(user, patient.getKey(), decision);
                String documentId = patient.getValue().dischargeSummary().toString();
                for (String endpoint : endpoints) {
                    for (String path : concrete(endpoint, patient.getValue())) {
                        long before = lastSeq();
                        Page page = session.get(path);
                        cells++;
                        AccessDecision pageDecision = decisionFor(path, user, patient.getValue().id(), decision);
                        if (page.body().contains(patient.getKey())) {
                            shown++;
                            check(role, path, patient.getValue().id(), pageDecision, before).ifPresent(violations::add);
                        }
                        if (page.body().contains(SUMMARY_TEXT) && !(documentAllowed
                                || path.contains("/record.") && pageDecision instanceof AccessDecision.Permit)) {
                            violations.add(role + " " + path + ": the labelled document shown; its label does not allow "
                                    + PurposeOfUse.usualFor(user.roles()));
                        }
                    }
                }
                for (String endpoint : FHIR) {
                    String path = fill(endpoint, patient.getValue());
                    long before = lastSeq();
                    String body = fhir(users.get(role), path);
                    cells++;
                    if (body.contains("\"family\":\"" + patient.getKey() + "\"")) { // a Patient resource, not the echoed query
                        shown++;
                        check(role, path, patient.getValue().id(), decision, before).ifPresent(violations::add);
                    }
                    if (body.contains("\"id\":\"" + documentId + "\"") && !documentAllowed) {
                        violations.add(role + " " + path + ": the labelled DocumentReference returned");
                    }
                }
            }
        }
        assertThat(violations).as("PHI shown without an allowed decision and an audit event").isEmpty();
        assertThat(shown).as("some cells show PHI, so the matrix tests something").isGreaterThan(20);
        assertThat(cells).isGreaterThan(7 * 6 * 5);
    }

    @Test
    void theScreensAddedLastSessionAreInTheMatrixWithIdsFromThePatientsRecord() {
        assertThat(endpoints(RequestMethod.GET)).contains("/transcription/jobs/{jobId}", "/scanning/scans/{scanId}",
                "/scanning/patients/{patientId}", "/retention/batches/{id}", "/training/attempts/{attemptId}",
                "/analytics/extract.zip");
        WebSession director = WebSession.signedIn(port, users.get(Role.HIM_DIRECTOR), PASSWORD);
        WebFixtures.Chart plain = patients.get("Mxplain");
        assertThat(director.get(fill("/transcription/jobs/{jobId}", plain)).body())
                .as("the job address reads the patient's record, so the matrix checks it").contains("Mxplain");
        assertThat(director.get(fill("/scanning/scans/{scanId}", plain)).status()).isEqualTo(200);
    }

    /**
     * The de-identified extract is a ZIP the matrix cannot read as a page: only a role with both the
     * analytics and the de-identification permission gets it, and no patient's name or MRN is in it.
     */
    @Test
    void theDeidentifiedExtractGoesOnlyToThoseAllowedAndNamesNoPatient() throws Exception {
        String path = "/analytics/extract.zip?facility=MATRIX-A";
        int served = 0;
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            CustodianUser user = user(role);
            if (!user.can(Permission.VIEW_ANALYTICS) || !user.can(Permission.DEIDENTIFY)) {
                assertThat(session.get(path).status()).as(role + " " + path).isIn(302, 403);
                continue;
            }
            served++;
            StringBuilder text = new StringBuilder();
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(session.download(path)))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(text).as(role + ": the extract has rows").isNotEmpty();
            for (var patient : patients.entrySet()) {
                assertThat(text.toString()).as(role + " extract").doesNotContain(patient.getKey(),
                        patient.getValue().patient().given() + " ", patient.getValue().id().toString());
            }
            assertThat(text.toString()).doesNotContain("MXA1", "MXA2", "MXA3", "MXA4", "MXA5");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'SUCCESS'"
                    + " AND action <> 'LOGIN'", Integer.class, users.get(role))).as(role + " audited").isPositive();
        }
        assertThat(served).as("some role may take the extract").isPositive();
    }

    @Test
    void onlyTheListedPublicAddressesAnswerWithoutSignIn() {
        List<String> answered = new ArrayList<>();
        for (String endpoint : endpoints(RequestMethod.GET)) {
            String path = fill(endpoint, patients.get("Mxplain"));
            Page page = new WebSession(port).get(path);
            boolean askedToSignIn = page.status() == 302 && page.location().contains("/login");
            if (!askedToSignIn) {
                answered.add(endpoint);
            }
            for (String family : patients.keySet()) {
                assertThat(page.body()).as("GET " + path + " without sign-in").doesNotContain(family);
            }
        }
        assertThat(PUBLIC).containsAll(answered);
        for (String endpoint : FHIR) {
            HttpResponse<String> response = anonymousFhir(fill(endpoint, patients.get("Mxplain")));
            assertThat(response.statusCode()).as("GET " + endpoint + " without credentials").isEqualTo(401);
            assertThat(response.body()).doesNotContain("Mxplain\"", "\"family\"");
        }
        assertThat(anonymousFhir("/fhir/metadata").statusCode()).isEqualTo(200);
    }

    @Test
    void theMatrixDecisionsFollowRoleFacilityAndLabels() {
        assertThat(policy.decide(user(Role.CODER), Permission.READ_CHART, id("Mxplain"))).isInstanceOf(AccessDecision.Permit.class);
        assertThat(policy.decide(user(Role.CODER), Permission.READ_CHART, id("Mxhiv"))).isInstanceOf(AccessDecision.Permit.class);
        assertThat(policy.decide(user(Role.CODER), Permission.READ_CHART, id("Mxparttwo"))).isInstanceOf(AccessDecision.Deny.class);
        assertThat(policy.decide(user(Role.CODER), Permission.READ_CHART, id("Mxvip"))).isInstanceOf(AccessDecision.Deny.class);
        assertThat(policy.decide(user(Role.CODER), Permission.READ_CHART, id("Mxelsewhere"))).isInstanceOf(AccessDecision.Deny.class);
        assertThat(policy.decide(user(Role.CLINICIAN), Permission.READ_CHART, id("Mxhiv"))).isInstanceOf(AccessDecision.Deny.class);
        assertThat(policy.decide(user(Role.AUDITOR), Permission.READ_CHART, id("Mxplain"))).isInstanceOf(AccessDecision.Deny.class);
        assertThat(policy.decide(user(Role.ADMIN), Permission.READ_CHART, id("Mxplain"))).isInstanceOf(AccessDecision.Deny.class);

        WebSession clinician = WebSession.signedIn(port, users.get(Role.CLINICIAN), PASSWORD);
        assertThat(clinician.get("/patients/" + id("Mxhiv")).status()).isEqualTo(403);
        assertThat(clinician.get("/patients/" + id("Mxplain")).status()).isEqualTo(200);
    }

    @Test
    void everyFormPostWithoutItsCsrfTokenIsRefused() {
        List<String> posts = endpoints(RequestMethod.POST);
        assertThat(posts).contains("/patients/{patientId}/break-glass", "/privacy/break-glass/{eventId}/review");
        for (Role role : Role.values()) {
            WebSession session = WebSession.signedIn(port, users.get(role), PASSWORD);
            for (String endpoint : posts) {
                Page refused = session.post(fill(endpoint, patients.get("Mxplain")), Map.of("reason", "a forged emergency"));
                // with no token yet in the session, Spring Security treats the post as from an ended session
                boolean sentToSignIn = refused.status() == 302 && refused.location().contains("/login");
                assertThat(refused.status() == 403 || sentToSignIn)
                        .as(role + " POST " + endpoint + " without a CSRF token: " + refused.status()).isTrue();
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM break_glass WHERE username LIKE 'matrix.%'", Integer.class))
                .isZero();
    }

    @Test
    void guessingAnotherPatientsIdShowsNothingAndIsAudited() {
        WebSession coder = WebSession.signedIn(port, users.get(Role.CODER), PASSWORD);
        Page other = coder.get("/patients/" + id("Mxelsewhere"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("Mxelsewhere", "MXB1");
        Page wrongPair = coder.get("/patients/" + id("Mxplain") + "/documents/" + patients.get("Mxelsewhere").dischargeSummary());
        assertThat(wrongPair.status()).isIn(403, 404);
        assertThat(wrongPair.body()).doesNotContain("Mxelsewhere");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED' "
                + "AND patient_id = ?", Integer.class, users.get(Role.CODER), id("Mxelsewhere"))).isPositive();
    }

    /**
     * A response naming the patient passes when that request left a successful audit event by the
     * user and, where the address names the patient (a read of their record), the policy permits it
     * and the event names the patient. A search or report that names no patient in its address must
     * have audited itself; a patient search (web or FHIR) may show the patient only to a user allowed
     * to open their chart (labelled records are masked or left out). Queues and oversight screens
     * (the privacy officer's break-glass review) may name a patient the user could not open.
     */
    private java.util.Optional<String> check(Role role, String path, UUID patientId, AccessDecision decision, long before) {
        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT action, outcome, patient_id FROM audit_event WHERE seq > ? AND username = ?", before,
                users.get(role));
        boolean readOfPatient = path.contains(patientId.toString());
        boolean ok = readOfPatient
                ? decision instanceof AccessDecision.Permit && events.stream().anyMatch(e ->
                        "SUCCESS".equals(e.get("outcome")) && patientId.equals(e.get("patient_id")))
                : events.stream().anyMatch(e -> "SUCCESS".equals(e.get("outcome")) && !"LOGIN".equals(e.get("action")))
                        && (decision instanceof AccessDecision.Permit || !patientSearch(path) && events.stream().noneMatch(e ->
                        patientId.equals(e.get("patient_id")) && "SUCCESS".equals(e.get("outcome"))));
        return ok ? java.util.Optional.empty() : java.util.Optional.of(role + " " + path + ": PHI shown; decision "
                + decision.getClass().getSimpleName() + ", audit events " + events);
    }

    private static boolean patientSearch(String path) {
        return path.startsWith("/patients?") || path.startsWith("/fhir/Patient?");
    }

    /** The GET (or any-method) patterns of every handler, with Spring's own error and sign-in pages left out. */
    private List<String> endpoints(RequestMethod method) {
        Set<String> found = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                boolean matches = method == RequestMethod.GET ? methods.isEmpty() || methods.contains(RequestMethod.GET)
                        : methods.contains(method);
                if (matches && info.getPathPatternsCondition() != null) {
                    found.addAll(info.getPathPatternsCondition().getPatternValues());
                }
            }
        });
        found.removeIf(p -> p.contains("*"));
        return List.copyOf(found);
    }

    /** A pattern with its variables filled, plus the searches that could name the patient. */
    private List<String> concrete(String endpoint, WebFixtures.Chart patient) {
        String path = fill(endpoint, patient);
        if (!endpoint.contains("{")) {
            String mrn = jdbc.queryForObject("SELECT value FROM patient_identifier WHERE patient_id = ?", String.class,
                    patient.id());
            return List.of(path + "?mrn=" + mrn);
        }
        return List.of(path + "?full=true&retracted=true");
    }

    private String fill(String endpoint, WebFixtures.Chart patient) {
        Matcher m = VARIABLE.matcher(endpoint);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            String before = endpoint.substring(0, m.start());
            String value = name.contains("patient") ? patient.id().toString()
                    : name.contains("document") ? patient.dischargeSummary().toString()
                    : name.contains("encounter") ? encounterOf.get(patient.id()).toString()
                    : name.equals("family") ? patient.patient().family()
                    : name.equals("slug") ? OutcomeMeasure.values()[0].slug()
                    : name.equals("report") ? "outcome-measures"
                    : name.equals("id") && before.equals("/roi/amendments/") ? amendmentOf.get(patient.id()).toString()
                    : name.equals("id") && before.equals("/roi/") ? requestOf.get(patient.id()).toString()
                    : name.equals("jobid") ? transcriptionOf.get(patient.id()).toString()
                    : name.equals("scanid") ? scanOf.get(patient.id()).toString()
                    : UUID.randomUUID().toString();
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    private String fhir(String username, String path) {
        try {
            String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + basic)
                    .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the user may see the patient's discharge summary: the chart decision, and on the
     * patient whose summary carries its own HIV label, that label's rule for the user's purpose.
     */
    /**
     * The decision a page answers to: release-of-information work (a request, its intake and search, the
     * accounting, the patient's own copy) is decided as release work, where labels are left to each
     * document's release and do not hide the patient; every other page as a chart read.
     */
    private AccessDecision decisionFor(String path, CustodianUser user, UUID patientId, AccessDecision chartRead) {
        boolean releaseWork = path.startsWith("/roi") && !path.startsWith("/roi/amendments")
                && !path.startsWith("/roi/deid") && user.can(Permission.RELEASE_INFORMATION);
        return releaseWork ? context.getBean(ReleasePolicy.class).decideReleaseWork(user, patientId) : chartRead;
    }

    private static boolean documentAllowed(CustodianUser user, String family, AccessDecision decision) {
        return decision instanceof AccessDecision.Permit && (!family.equals("Mxdocument")
                || SensitivityLabel.HIV.allowsWithoutRelationship(PurposeOfUse.usualFor(user.roles())));
    }

    private HttpResponse<String> anonymousFhir(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long lastSeq() {
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
    }

    private CustodianUser user(Role role) {
        return accounts.find(users.get(role)).orElseThrow();
    }

    private UUID id(String family) {
        return patients.get(family).id();
    }

    private void label(CustodianUser officer, String family, SensitivityLabel label) {
        labels.label(officer, id(family), LabelTarget.PATIENT, id(family), label);
    }
}
