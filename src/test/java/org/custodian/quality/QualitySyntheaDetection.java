package org.custodian.quality;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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
import org.custodian.record.Mrn;
import org.custodian.record.Observation;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.terminology.Terminology;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Detection on Synthea data: a data folder loaded by {@code custodian demo} (Synthea patients imported
 * as FHIR) is scanned as it is (the baseline: Synthea's own gaps, e.g. no H&P, SNOMED-only conditions),
 * then a seeded injector gives chosen living adults one defect each, the kinds in turn, with the
 * patient as ground truth, and the data is scanned again. Per rule: how many injected defects gave a
 * new finding of that rule, and how many new findings of that rule fell on patients not injected
 * with it. Injected charts are otherwise complete (attending, ICD-10-CM codes of FY2026, signed
 * H&P and discharge summary where due), so each injection adds exactly one defect.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.custodian.quality.QualitySyntheaDetection DATA_DIR PER_RULE SEED ICD10CM_ORDER_FILE</pre>
 */
public final class QualitySyntheaDetection {
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final List<String> RULES = List.of("DEMOGRAPHICS_MISSING", "ENCOUNTER_NO_ATTENDING", "HP_MISSING",
            "DISCHARGE_SUMMARY_MISSING", "DOCUMENT_UNSIGNED", "NOT_CODED", "CODE_INVALID", "DATES_INCONSISTENT",
            "SEX_AGE_CONFLICT", "LAB_IMPLAUSIBLE", "MRN_DUPLICATE", "ORPHAN_RECORD", "COPY_PASTE");
    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"
            + " november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split(" ");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int perRule = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of("custodian.quality.incremental", "false"))) {
            app.bean(Terminology.class).load(Path.of(args[3]));
            QualityScans scans = app.bean(QualityScans.class);
            scans.fullScan(ScanProgress.NONE);
            Map<String, Set<String>> baseline = open(app);
            Injector injector = new Injector(app, random);
            Map<UUID, String> truth = injector.inject(perRule);
            ScanResult after = scans.fullScan(ScanProgress.NONE);
            Map<String, Set<String>> now = open(app);
            report(app, baseline, now, truth, after);
        }
    }

    /** Open findings: rule id to "patient|subject". */
    private static Map<String, Set<String>> open(Launcher.Running app) {
        Map<String, Set<String>> open = new TreeMap<>();
        app.bean(QualityFindings.class).eachOpen(f -> open.computeIfAbsent(f.finding().ruleId(), r -> new HashSet<>())
                .add(f.finding().patientId() + "|" + f.finding().subject()));
        return open;
    }

    private static void report(Launcher.Running app, Map<String, Set<String>> baseline, Map<String, Set<String>> now,
                               Map<UUID, String> truth, ScanResult after) {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        long patients = jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
        long encounters = jdbc.sql("SELECT count(*) FROM encounter").query(Long.class).single();
        System.out.printf("Synthea data: %,d patients, %,d encounters; %d defects injected; scan after injection %.1f s,"
                + " %d rule failures%n", patients, encounters, truth.size(), after.millis() / 1000.0, after.failures().size());
        System.out.println("| rule | findings on Synthea as loaded | injected | found | new findings on charts without this defect |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String rule : RULES) {
            Set<String> before = baseline.getOrDefault(rule, Set.of());
            Set<UUID> newOn = new HashSet<>();
            for (String key : now.getOrDefault(rule, Set.of())) {
                if (!before.contains(key)) {
                    newOn.add(UUID.fromString(key.substring(0, key.indexOf('|'))));
                }
            }
            Set<UUID> injected = new HashSet<>();
            truth.forEach((p, r) -> {
                if (r.equals(rule)) {
                    injected.add(p);
                }
            });
            long found = injected.stream().filter(newOn::contains).count();
            long elsewhere = newOn.stream().filter(p -> !injected.contains(p)).count();
            System.out.printf("| %s | %d | %d | %d (%.0f%%) | %d |%n", rule, before.size(), injected.size(), found,
                    injected.isEmpty() ? 0 : 100.0 * found / injected.size(), elsewhere);
        }
    }

    /** Adds one defect to each chosen patient, through the record's writer or, for stored data gone wrong, plain SQL. */
    private static final class Injector {
        private final JdbcClient jdbc;
        private final RecordWriter writer;
        private final TransactionTemplate tx;
        private final Random random;
        private final Provenance prov = Provenance.now("defect-injector", null, "bench");
        private final List<UUID> doctors;

        Injector(Launcher.Running app, Random random) {
            this.jdbc = app.bean(JdbcClient.class);
            this.writer = app.bean(RecordWriter.class);
            this.tx = app.bean(TransactionTemplate.class);
            this.random = random;
            this.doctors = jdbc.sql("SELECT id FROM practitioner ORDER BY id").query(UUID.class).list();
        }

        /** Living adults (18 to 64, so no age edit applies) with a medical record number; one defect each. */
        Map<UUID, String> inject(int perRule) {
            List<Candidate> pool = new ArrayList<>(jdbc.sql("""
                    SELECT DISTINCT ON (p.id) p.id, p.sex, i.facility_id, i.value
                      FROM patient p JOIN patient_identifier i ON i.patient_id = p.id
                     WHERE p.deceased_at IS NULL AND p.birth_date BETWEEN DATE '1962-01-01' AND DATE '2007-01-01'
                       AND p.sex IN ('FEMALE', 'MALE')
                     ORDER BY p.id, i.facility_id""")
                    .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("sex"),
                            rs.getObject("facility_id", UUID.class), rs.getString("value"))).list());
            Collections.shuffle(pool, random);
            Map<UUID, String> truth = new HashMap<>();
            int next = 0;
            for (int round = 0; round < perRule; round++) {
                for (String rule : RULES) {
                    while (next < pool.size() && !fits(rule, pool.get(next))) {
                        next++;
                    }
                    if (next + 1 >= pool.size()) {
                        throw new IllegalStateException("not enough living adults for " + perRule + " defects per rule");
                    }
                    Candidate c = pool.get(next++);
                    if (rule.equals("MRN_DUPLICATE") || rule.equals("ORPHAN_RECORD")) {
                        Candidate other = pool.get(next++);
                        inject(rule, c, other);
                        truth.put(other.id(), rule.equals("MRN_DUPLICATE") ? rule : "(orphan target)");
                    } else {
                        inject(rule, c, null);
                    }
                    truth.put(c.id(), rule);
                }
            }
            truth.values().removeIf(r -> r.startsWith("("));
            return truth;
        }

        private static boolean fits(String rule, Candidate c) {
            return switch (rule) {
                case "SEX_AGE_CONFLICT" -> c.sex().equals("FEMALE");
                case "MRN_DUPLICATE" -> !c.mrn().toUpperCase().equals(c.mrn().toLowerCase());
                default -> true;
            };
        }

        private void inject(String rule, Candidate c, Candidate other) {
            UUID[] wrongDates = {null};
            tx.executeWithoutResult(s -> {
                RecordWriter.Batch batch = writer.batch();
                switch (rule) {
                    case "DEMOGRAPHICS_MISSING" -> jdbc.sql("UPDATE patient SET address_line = NULL WHERE id = :id")
                            .param("id", c.id()).update();
                    case "ENCOUNTER_NO_ATTENDING" -> {
                        Instant admit = day();
                        batch.encounter(new Encounter(UUID.randomUUID(), c.id(), c.facility(), "INJ-" + UUID.randomUUID(),
                                EncounterClass.OUTPATIENT, admit, admit.plus(1, ChronoUnit.HOURS), null, "home", "follow-up"),
                                prov);
                    }
                    case "HP_MISSING" -> inpatient(c, batch, false, true, true);
                    case "DISCHARGE_SUMMARY_MISSING" -> inpatient(c, batch, true, false, true);
                    case "DOCUMENT_UNSIGNED" -> {
                        Encounter e = outpatient(c, batch);
                        batch.document(note(c, e, DocumentType.PROGRESS_NOTE, e.admitAt(), false, words(30)));
                    }
                    case "NOT_CODED" -> inpatient(c, batch, true, true, false);
                    case "CODE_INVALID" -> diagnosis(c, outpatient(c, batch), batch, "I21", "Acute myocardial infarction");
                    case "DATES_INCONSISTENT" -> wrongDates[0] = outpatient(c, batch).id();
                    case "SEX_AGE_CONFLICT" -> diagnosis(c, outpatient(c, batch), batch, "N40.0",
                            "Benign prostatic hyperplasia without lower urinary tract symptoms");
                    case "LAB_IMPLAUSIBLE" -> {
                        Encounter e = outpatient(c, batch);
                        batch.observation(new Observation(UUID.randomUUID(), c.id(), e.id(), "2345-7", "Glucose",
                                new BigDecimal("180"), null, "mmol/L", null, null, null, e.admitAt().plusSeconds(600)), prov);
                    }
                    case "MRN_DUPLICATE" -> batch.identifier(c.id(), new Mrn(other.facility(), flipCase(other.mrn())));
                    case "ORPHAN_RECORD" -> {
                        Encounter theirs = outpatient(other, batch);
                        diagnosis(c, theirs, batch, "J18.9", "Pneumonia, unspecified organism");
                    }
                    case "COPY_PASTE" -> {
                        Encounter e = outpatient(c, batch);
                        String passage = words(90);
                        batch.document(note(c, e, DocumentType.PROGRESS_NOTE, e.admitAt(), true, words(40) + " " + passage));
                        batch.document(note(c, e, DocumentType.CONSULTATION, e.admitAt().plusSeconds(3600), true,
                                passage + " " + words(40)));
                    }
                    default -> throw new IllegalArgumentException(rule);
                }
                batch.flush();
                if (wrongDates[0] != null) {
                    // as an interface might store it: the record's own types refuse a discharge before admission
                    jdbc.sql("UPDATE encounter SET discharge_at = admit_at - interval '1 day' WHERE id = :id")
                            .param("id", wrongDates[0]).update();
                }
            });
        }

        /** A finished clinic visit in fiscal year 2026 (the loaded ICD-10-CM release) with an attending. */
        private Encounter outpatient(Candidate c, RecordWriter.Batch batch) {
            Instant admit = day();
            Encounter e = new Encounter(UUID.randomUUID(), c.id(), c.facility(), "INJ-" + UUID.randomUUID(),
                    EncounterClass.OUTPATIENT, admit, admit.plus(1, ChronoUnit.HOURS), doctor(), "home", "follow-up");
            batch.encounter(e, prov);
            return e;
        }

        private void inpatient(Candidate c, RecordWriter.Batch batch, boolean hp, boolean summary, boolean coded) {
            Instant admit = day();
            Instant discharge = admit.plus(3, ChronoUnit.DAYS);
            Encounter e = new Encounter(UUID.randomUUID(), c.id(), c.facility(), "INJ-" + UUID.randomUUID(),
                    EncounterClass.INPATIENT, admit, discharge, doctor(), "home", "pneumonia");
            batch.encounter(e, prov);
            if (coded) {
                diagnosis(c, e, batch, "J18.9", "Pneumonia, unspecified organism");
            }
            if (hp) {
                batch.document(note(c, e, DocumentType.HISTORY_AND_PHYSICAL, admit.plus(4, ChronoUnit.HOURS), true, words(30)));
            }
            if (summary) {
                batch.document(note(c, e, DocumentType.DISCHARGE_SUMMARY, discharge, true, words(30)));
            }
        }

        private void diagnosis(Candidate c, Encounter on, RecordWriter.Batch batch, String code, String display) {
            batch.diagnosis(new Diagnosis(UUID.randomUUID(), c.id(), on.id(), new CodedValue(ICD10CM, code, display),
                    null, 1, true, on.admitAt(), null), prov);
        }

        private ClinicalDocument note(Candidate c, Encounter e, DocumentType type, Instant at, boolean signed, String body) {
            UUID author = e.attendingId() == null ? doctors.getFirst() : e.attendingId();
            return new ClinicalDocument(UUID.randomUUID(), c.id(), e.id(), type, null, at, List.of(new DocumentVersion(1,
                    signed ? DocumentStatus.FINAL : DocumentStatus.DRAFT, type.label(), body, author, signed ? at : null,
                    signed ? author : null, null, prov)));
        }

        private Instant day() {
            return LocalDate.of(2026, 3, 1).plusDays(random.nextInt(150)).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        }

        private UUID doctor() {
            return doctors.get(random.nextInt(doctors.size()));
        }

        private String words(int n) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            return text.toString().trim();
        }

        private static String flipCase(String mrn) {
            String upper = mrn.toUpperCase();
            return upper.equals(mrn) ? mrn.toLowerCase() : upper;
        }
    }

    private record Candidate(UUID id, String sex, UUID facility, String mrn) {
    }
}
