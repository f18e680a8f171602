package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.custodian.cli.Launcher;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Observation;
import org.custodian.record.Patient;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the FHIR API on a data folder: seeds synthetic patients at a bench facility (once), then
 * times a Group bulk export of them (NDJSON MB/s, including download) and {@code Patient?name=} with a
 * bearer token (sequential, after warm-up). With a third argument it then waits that many seconds,
 * printing the URL and token so {@code hey} can load the same server.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.custodian.interop.fhir.FhirApiBenchmark DATA 1000 [WAIT]</pre>
 */
public final class FhirApiBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench password 1";
    private static final String[] FAMILIES = {"Alvarez", "Brennan", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov"};
    private static final String[] GIVEN = {"Ada", "Ben", "Cleo", "Dev", "Eva", "Finn", "Gia", "Hugo", "Ines", "Jon"};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        int wait = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.SERVER, Map.of("server.port", 0,
                "custodian.hl7.mllp-port", 0))) {
            Facility bench = app.bean(FacilityRepository.class).ensure(new Facility(UUID.randomUUID(), "BENCH",
                    "Bench General Hospital", FacilityType.HOSPITAL, "Boston", "MA"));
            app.bean(UserAccounts.class).createOrReset(new NewUser("fhir.bench", "FHIR bench", PASSWORD,
                    Set.of(Role.HIM_DIRECTOR), Set.of(bench.id())), "bench");
            long have = app.bean(JdbcClient.class).sql("SELECT count(*) FROM patient_identifier WHERE facility_id = :f")
                    .param("f", bench.id()).query(Long.class).single();
            if (have < patients) {
                long started = System.nanoTime();
                seed(app, bench, (int) (patients - have));
                System.out.printf("seeded %d patients in %.1f s%n", patients - have, (System.nanoTime() - started) / 1e9);
            }
            String base = "http://localhost:" + app.bean(Environment.class).getProperty("local.server.port") + "/fhir";
            String token = token(base);
            if (!Boolean.getBoolean("bench.skipExport")) {
                export(base, token, bench);
            }
            nameSearch(base, "Bearer " + token, "bearer token", 1000);
            nameSearch(base, "Basic " + Base64.getEncoder().encodeToString(("fhir.bench:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)), "HTTP Basic", 300);
            auditAppend(app.bean(AuditTrail.class));
            searchStages(app, bench);
            if (wait > 0) {
                System.out.println("serving for " + wait + " s at " + base + " with token " + token);
                Thread.sleep(wait * 1000L);
            }
        }
    }

    private static void seed(Launcher.Running app, Facility at, int count) {
        RecordWriter writer = app.bean(RecordWriter.class);
        TransactionTemplate tx = app.bean(TransactionTemplate.class);
        Random random = new Random(42);
        Provenance prov = Provenance.now("bench", "FhirApiBenchmark", "bench");
        for (int done = 0; done < count; done += 50) {
            int batchSize = Math.min(50, count - done);
            tx.executeWithoutResult(s -> {
                RecordWriter.Batch batch = writer.batch();
                for (int i = 0; i < batchSize; i++) {
                    patient(batch, at, random, prov);
                }
                batch.flush();
            });
        }
    }

    /** One patient with 12 visits, each with 1 diagnosis, 1 procedure, 5 results and a note of about 1 KB. */
    private static void patient(RecordWriter.Batch batch, Facility at, Random random, Provenance prov) {
        Patient p = new Patient(UUID.randomUUID(), GIVEN[random.nextInt(GIVEN.length)],
                FAMILIES[random.nextInt(FAMILIES.length)], LocalDate.of(1930 + random.nextInt(80), 1 + random.nextInt(12),
                1 + random.nextInt(28)), random.nextBoolean() ? Sex.FEMALE : Sex.MALE,
                new Patient.Address(random.nextInt(999) + " Main St", "Boston", "MA", "02110"), "555-0100", null);
        batch.patient(p, null, prov).identifier(p.id(), new Mrn(at.id(), "B" + p.id().toString().substring(0, 12)));
        Instant start = Instant.parse("2015-01-01T08:00:00Z");
        for (int v = 0; v < 12; v++) {
            Instant admit = start.plus(random.nextInt(3650), ChronoUnit.DAYS);
            UUID visit = UUID.randomUUID();
            batch.encounter(new Encounter(visit, p.id(), at.id(), "V" + visit.toString().substring(0, 12),
                    EncounterClass.OUTPATIENT, admit, admit.plus(40, ChronoUnit.MINUTES), null, "home",
                    "follow-up"), prov);
            batch.diagnosis(new Diagnosis(UUID.randomUUID(), p.id(), visit,
                    new CodedValue("http://snomed.info/sct", "44054006", "Diabetes mellitus type 2"), null, null, false,
                    admit, null), prov);
            batch.procedure(new Procedure(UUID.randomUUID(), p.id(), visit,
                    new CodedValue("http://snomed.info/sct", "430193006", "Medication reconciliation"), admit), prov);
            for (int r = 0; r < 5; r++) {
                batch.observation(new Observation(UUID.randomUUID(), p.id(), visit, "2339-0", "Glucose",
                        BigDecimal.valueOf(70 + random.nextInt(150)), null, "mg/dL", BigDecimal.valueOf(70),
                        BigDecimal.valueOf(99), null, admit.plus(r, ChronoUnit.MINUTES)), prov);
            }
            batch.document(new ClinicalDocument(UUID.randomUUID(), p.id(), visit, DocumentType.PROGRESS_NOTE, null,
                    admit, List.of(new DocumentVersion(1, DocumentStatus.FINAL, "Progress note",
                    "Patient seen for follow-up of diabetes. ".repeat(25), null, admit, null, null, prov))));
        }
    }

    private static String token(String base) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/$token"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("fhir.bench:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static void export(String base, String token, Facility at) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> kickOff = get(base + "/Group/" + at.id() + "/$export", token, true);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow(
                () -> new IllegalStateException("kick-off answered " + kickOff.statusCode() + ": " + kickOff.body()));
        JsonNode manifest;
        while (true) {
            HttpResponse<String> poll = get(status, token, false);
            if (poll.statusCode() == 200) {
                manifest = JSON.readTree(poll.body());
                break;
            }
            Thread.sleep(100);
        }
        long written = System.nanoTime();
        long bytes = 0;
        long resources = 0;
        for (JsonNode file : manifest.path("output")) {
            HttpResponse<byte[]> body = HTTP.send(request(file.path("url").asText(), token, false).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            bytes += body.body().length;
            resources += file.path("count").asLong();
        }
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf("export: %d resources, %.1f MB in %.1f s (job %.1f s) = %.1f MB/s, %.0f resources/s%n",
                resources, bytes / 1e6, total, (written - started) / 1e9, bytes / 1e6 / total, resources / total);
    }

    /**
     * {@code calls} sequential {@code Patient?name=} searches after 200 warm-up calls, with their
     * latency and the CPU time this process (server and client) spent per call.
     */
    private static void nameSearch(String base, String authorization, String how, int calls) throws Exception {
        for (int i = 0; i < 200; i++) {
            get(base + "/Patient?name=" + FAMILIES[i % FAMILIES.length].substring(0, 3), authorization);
        }
        List<Double> millis = new ArrayList<>();
        long cpuBefore = cpuNanos();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get(base + "/Patient?name=" + FAMILIES[i % FAMILIES.length].substring(0, 4)
                    + "&_count=20", authorization);
            millis.add((System.nanoTime() - started) / 1e6);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("search answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        double cpuPerCall = (cpuNanos() - cpuBefore) / 1e6 / calls;
        Collections.sort(millis);
        System.out.printf("Patient?name= (%s, sequential, %d calls): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; "
                        + "CPU %.2f ms per call%n", how, calls, millis.get(calls / 2), millis.get(calls * 9 / 10),
                millis.get(calls * 99 / 100), cpuPerCall);
    }

    /** CPU time of this whole process so far (all threads, JIT and GC included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The audit append each search waits for, alone: the same kind of event, appended outside a
     * transaction (group-committed and durable, as a request's is), 1,000 times in a row.
     */
    private static void auditAppend(AuditTrail audit) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            long started = System.nanoTime();
            audit.record(new AuditEntry("fhir.bench", "HIM_DIRECTOR", AuditAction.SEARCH, AuditOutcome.SUCCESS, null,
                    "Patient", null, "FHIR search name='Chen'; 20 results (audit append benchmark)", "127.0.0.1"));
            if (i >= 200) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("audit append alone (sequential, 1000 calls): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
                millis.get(500), millis.get(900), millis.get(990));
    }

    /**
     * The other stages of a {@code Patient?name=} request, each alone and in-process, as the server runs
     * them: the name search in the user's facilities, the two reads of the page's 20 patients
     * (identifiers, version stamps), and HAPI's JSON encoding of the searchset.
     */
    private static void searchStages(Launcher.Running app, Facility bench) {
        ClinicalQueries queries = app.bean(ClinicalQueries.class);
        RecordVersions versions = app.bean(RecordVersions.class);
        FhirContext fhir = app.bean(FhirContext.class);
        Set<UUID> scope = Set.of(bench.id());
        List<Double> search = new ArrayList<>();
        List<Double> page = new ArrayList<>();
        List<Double> encode = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            long started = System.nanoTime();
            List<Patient> found = queries.searchPatients(new ClinicalQueries.PatientCriteria(
                    FAMILIES[i % FAMILIES.length].substring(0, 4), null, null, null, null, null, null, null), scope, 1000);
            long searched = System.nanoTime();
            List<Patient> twenty = found.subList(0, Math.min(20, found.size()));
            List<UUID> ids = twenty.stream().map(Patient::id).toList();
            var identifiers = queries.identifiers(ids);
            versions.patientStamps(ids);
            long read = System.nanoTime();
            org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle()
                    .setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET).setTotal(found.size());
            twenty.forEach(p -> bundle.addEntry().setResource(PeopleResources.patient(p,
                    identifiers.getOrDefault(p.id(), List.of()))));
            fhir.newJsonParser().encodeResourceToString(bundle);
            long encoded = System.nanoTime();
            if (i >= 200) {
                search.add((searched - started) / 1e6);
                page.add((read - searched) / 1e6);
                encode.add((encoded - read) / 1e6);
            }
        }
        print("stage: name search SQL", search);
        print("stage: identifiers and version stamps of the page", page);
        print("stage: HAPI JSON encoding of 20 patients", encode);
    }

    private static void print(String what, List<Double> millis) {
        Collections.sort(millis);
        System.out.printf("%s (sequential, %d calls): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", what, millis.size(),
                millis.get(millis.size() / 2), millis.get(millis.size() * 9 / 10), millis.get(millis.size() * 99 / 100));
    }

    private static HttpResponse<String> get(String url, String token, boolean async) throws Exception {
        return HTTP.send(request(url, token, async).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url, String token, boolean async) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json");
        return async ? request.header("Prefer", "respond-async") : request;
    }
}
