package org.custodian.quality;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.custodian.cli.Launcher;
import org.custodian.record.ClinicalDocument;
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
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.custodian.terminology.Terminology;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Detection and speed of the quality rules. Writes seeded, clean synthetic charts, injects one
 * defect kind per rule into chosen patients (the ground truth), runs a full scan, and reports per
 * rule how many injected defects were found and how many findings fell on charts without that
 * defect; then times incremental checks of single patients.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.custodian.quality.QualityBenchmark DATA_DIR PATIENTS ENCOUNTERS_PER_PATIENT [ICD10CM_ORDER_FILE]</pre>
 */
public final class QualityBenchmark {
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String[] WORDS = ("patient reports improved appetite sleeps well denies chest pain shortness of breath"
            + " fever chills cough nausea vomiting abdominal tenderness edema rash headache dizziness fatigue weight loss"
            + " exam lungs clear heart regular rhythm murmur gallop abdomen soft nontender extremities warm pulses intact"
            + " plan continue current medications follow up clinic weeks labs reviewed stable glucose controlled blood"
            + " pressure elevated adjust dose counseling diet exercise smoking cessation discussed questions answered").split(" ");
    private static final List<String> RULES = List.of("DEMOGRAPHICS_MISSING", "ENCOUNTER_NO_ATTENDING", "HP_MISSING",
            "DISCHARGE_SUMMARY_MISSING", "DOCUMENT_UNSIGNED", "NOT_CODED", "CODE_INVALID", "DATES_INCONSISTENT",
            "SEX_AGE_CONFLICT", "LAB_IMPLAUSIBLE", "MRN_DUPLICATE", "ORPHAN_RECORD", "COPY_PASTE");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        int perPatient = Integer.parseInt(args[2]);
        Files.createDirectories(data);
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of("custodian.quality.incremental", "false"))) {
            if (args.length > 3) {
                app.bean(Terminology.class).load(Path.of(args[3]));
            }
            if (patients == 0) {
                profile(app);
                return;
            }
            Map<UUID, String> injected = generate(app, patients, perPatient, new Random(42));
            QualityScans scans = app.bean(QualityScans.class);
            long start = System.nanoTime();
            ScanResult result = scans.fullScan((done, total, found) -> {
                if (done % 20_000 == 0 || done == total) {
                    System.err.printf("  scanned %,d / %,d patients, %,d findings%n", done, total, found);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("full scan: %,d patients, %,d encounters, %.1f s (%,.0f encounters/s), %,d findings, %d failures%n",
                    result.patients(), (long) patients * perPatient, seconds, patients * perPatient / seconds,
                    result.openFindings(), result.failures().size());
            report(app, injected);
            incremental(scans, new ArrayList<>(injected.keySet()), 200);
        }
    }

    /** Times the phases of checking one chunk, on data already written. */
    private static void profile(Launcher.Running app) {
        FactsRepository facts = app.bean(FactsRepository.class);
        FindingRepository store = app.bean(FindingRepository.class);
        List<FactsRepository.PatientRange> ranges = facts.ranges(QualityScans.CHUNK);
        List<UUID> ids = List.copyOf(facts.load(ranges.getFirst()).keySet());
        RuleEngine engine = new RuleEngine(org.custodian.quality.rules.Rules.all());
        var context = new org.custodian.quality.rules.RuleContext(Instant.now(), QualityProperties.defaults(),
                new TerminologyCodeCheck(app.bean(Terminology.class)));
        for (int round = 0; round < 2; round++) {
            long s0 = System.nanoTime();
            int read = 0;
            for (FactsRepository.PatientRange range : ranges) {
                read += facts.load(range).size();
            }
            System.out.printf("read every record: %,d patients in %.0f ms%n", read, (System.nanoTime() - s0) / 1e6);
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            var records = facts.load(ids);
            long t1 = System.nanoTime();
            List<Finding> found = new ArrayList<>();
            Map<String, Long> perRule = new TreeMap<>();
            for (var r : records.values()) {
                for (var rule : engine.rules()) {
                    long s = System.nanoTime();
                    var out = new org.custodian.quality.rules.Findings(rule, r.patientId());
                    rule.check(r, context, out);
                    found.addAll(out.list());
                    perRule.merge(rule.id(), System.nanoTime() - s, Long::sum);
                }
            }
            long t2 = System.nanoTime();
            app.bean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(
                    s -> store.reconcile(ids, found, List.of(), Instant.now()));
            long t3 = System.nanoTime();
            System.out.printf("chunk of %d: load %.0f ms, rules %.0f ms, reconcile %.0f ms%n", ids.size(), (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            perRule.forEach((rule, n) -> System.out.printf("    %s %.1f ms%n", rule, n / 1e6));
        }
    }

    private static void report(Launcher.Running app, Map<UUID, String> injected) {
        Map<String, Set<UUID>> foundBy = new TreeMap<>();
        app.bean(QualityFindings.class).eachOpen(f ->
                foundBy.computeIfAbsent(f.finding().ruleId(), r -> new HashSet<>()).add(f.finding().patientId()));
        System.out.println("| rule | injected | found | findings on charts without this defect |");
        System.out.println("| --- | --- | --- | --- |");
        for (String rule : RULES) {
            Set<UUID> truth = new HashSet<>();
            injected.forEach((p, r) -> {
                if (r.equals(rule)) {
                    truth.add(p);
                }
            });
            Set<UUID> found = foundBy.getOrDefault(rule, Set.of());
            long hit = truth.stream().filter(found::contains).count();
            long falsePositive = found.stream().filter(p -> !truth.contains(p)).count();
            System.out.printf("| %s | %d | %d (%.0f%%) | %d |%n", rule, truth.size(), hit,
                    truth.isEmpty() ? 0 : 100.0 * hit / truth.size(), falsePositive);
        }
    }

    private static void incremental(QualityScans scans, List<UUID> ids, int rounds) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            UUID id = ids.get(i % ids.size());
            long t = System.nanoTime();
            scans.check(Set.of(id));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("incremental check of one patient (%d runs): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", rounds,
                nanos[rounds / 2] / 1e6, nanos[rounds * 9 / 10] / 1e6, nanos[rounds * 99 / 100] / 1e6);
    }

    /** Writes clean charts; every 50th patient gets one defect, kinds in turn. Returns patient id to injected rule. */
    private static Map<UUID, String> generate(Launcher.Running app, int patients, int perPatient, Random random) {
        Facility hospital = app.bean(FacilityRepository.class).ensure(new Facility(UUID.randomUUID(), "BENCH",
                "Bench Hospital", FacilityType.HOSPITAL, "Boston", "MA"));
        List<Practitioner> doctors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            doctors.add(app.bean(PractitionerRepository.class).ensure(new Practitioner(UUID.randomUUID(),
                    String.format("9%09d", i), "Doc", "Bench" + i)));
        }
        RecordWriter writer = app.bean(RecordWriter.class);
        TransactionTemplate tx = app.bean(TransactionTemplate.class);
        Provenance prov = Provenance.now("bench", null, "bench");
        Map<UUID, String> injected = new HashMap<>();
        String previousMrn = null;
        RecordWriter.Batch batch = writer.batch();
        long start = System.nanoTime();
        for (int p = 0; p < patients; p++) {
            String defect = p % 50 == 7 ? RULES.get((p / 50) % RULES.size()) : null;
            UUID id = UUID.randomUUID();
            boolean male = defect != null && defect.equals("SEX_AGE_CONFLICT") || random.nextBoolean();
            Instant deceased = null;
            Instant first = Instant.parse("2025-10-05T08:00:00Z").plus(random.nextInt(200), ChronoUnit.DAYS);
            if ("DATES_INCONSISTENT".equals(defect)) {
                deceased = first.minus(1, ChronoUnit.DAYS);
            }
            Patient patient = new Patient(id, "Pat" + p, "Bench" + (p % 997), LocalDate.of(1940 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    male ? Sex.MALE : Sex.FEMALE, "DEMOGRAPHICS_MISSING".equals(defect) ? Patient.Address.NONE
                    : new Patient.Address(p + " Main St", "Boston", "MA", "02110"), "555-0100", deceased);
            batch.patient(patient, null, prov);
            String mrn = "B" + p;
            if ("MRN_DUPLICATE".equals(defect)) {
                mrn = previousMrn.toLowerCase();
                injected.put(lastPatient, "MRN_DUPLICATE");
            }
            if (!"ORPHAN_RECORD".equals(defect)) {
                batch.identifier(id, new Mrn(hospital.id(), mrn));
            }
            previousMrn = "B" + p;
            lastPatient = id;
            if (defect != null) {
                injected.put(id, defect);
            }
            String copied = null;
            for (int e = 0; e < perPatient; e++) {
                Instant admit = first.plus(e * 9L, ChronoUnit.HOURS).plus(e, ChronoUnit.DAYS);
                boolean inpatient = e % 5 == 0;
                Instant discharge = inpatient ? admit.plus(2, ChronoUnit.DAYS) : admit.plus(1, ChronoUnit.HOURS);
                Practitioner doc = doctors.get(random.nextInt(doctors.size()));
                UUID enc = UUID.randomUUID();
                boolean firstEncounter = e == 0;
                batch.encounter(new Encounter(enc, id, hospital.id(), "BV" + p + "-" + e,
                        inpatient ? EncounterClass.INPATIENT : EncounterClass.OUTPATIENT, admit, discharge,
                        firstEncounter && "ENCOUNTER_NO_ATTENDING".equals(defect) ? null : doc.id(), "home", "visit"), prov);
                String code = firstEncounter && "CODE_INVALID".equals(defect) ? "I21"
                        : firstEncounter && "SEX_AGE_CONFLICT".equals(defect) ? "O80" : random.nextBoolean() ? "I21.4" : "J18.9";
                if (!(firstEncounter && "NOT_CODED".equals(defect))) {
                    batch.diagnosis(new Diagnosis(UUID.randomUUID(), id, enc, new CodedValue(ICD10CM, code, code), null, 1,
                            true, admit, null), prov);
                }
                boolean badLab = firstEncounter && "LAB_IMPLAUSIBLE".equals(defect);
                batch.observation(new Observation(UUID.randomUUID(), id, enc, "2345-7", "Glucose",
                        new BigDecimal(badLab ? "180" : String.valueOf(70 + random.nextInt(60))), null,
                        badLab ? "mmol/L" : "mg/dL", null, null, null, admit.plus(1, ChronoUnit.HOURS)), prov);
                String text = words(random, 120);
                if ("COPY_PASTE".equals(defect) && e == 1) {
                    copied = words(random, 90);
                    text = text + " " + copied;
                } else if ("COPY_PASTE".equals(defect) && e == 2 && copied != null) {
                    text = copied + " " + text;
                }
                DocumentType type = inpatient ? DocumentType.HISTORY_AND_PHYSICAL : DocumentType.PROGRESS_NOTE;
                boolean skipHp = firstEncounter && "HP_MISSING".equals(defect);
                boolean draft = firstEncounter && "DOCUMENT_UNSIGNED".equals(defect);
                if (!skipHp) {
                    batch.document(doc(id, enc, type, admit.plus(2, ChronoUnit.HOURS), doc, !draft, text, prov));
                }
                if (inpatient && !(firstEncounter && "DISCHARGE_SUMMARY_MISSING".equals(defect))) {
                    batch.document(doc(id, enc, DocumentType.DISCHARGE_SUMMARY, discharge, doc, true, words(random, 80), prov));
                }
            }
            if (batch.size() > 5_000) {
                RecordWriter.Batch full = batch;
                tx.executeWithoutResult(s -> full.flush());
                batch = writer.batch();
            }
            if ((p + 1) % 10_000 == 0) {
                System.err.printf("  written %,d patients (%.0f s)%n", p + 1, (System.nanoTime() - start) / 1e9);
            }
        }
        RecordWriter.Batch last = batch;
        tx.executeWithoutResult(s -> last.flush());
        System.out.printf("generated %,d patients x %d encounters in %.0f s; %d defects injected%n", patients, perPatient,
                (System.nanoTime() - start) / 1e9, injected.size());
        return injected;
    }

    private static UUID lastPatient;

    private static ClinicalDocument doc(UUID patient, UUID encounter, DocumentType type, Instant at, Practitioner author,
                                        boolean signed, String body, Provenance prov) {
        return new ClinicalDocument(UUID.randomUUID(), patient, encounter, type, null, at, List.of(new DocumentVersion(1,
                signed ? DocumentStatus.FINAL : DocumentStatus.DRAFT, type.label(), body, author.id(), signed ? at : null,
                signed ? author.id() : null, null, prov)));
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString().trim();
    }
}
