package org.custodian.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.RuleContext;
import org.custodian.quality.rules.Rules;
import org.custodian.terminology.CodingEdits;
import org.custodian.terminology.Terminology;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the rules: over every patient ({@link #fullScan}) or over the patients a change touched
 * ({@link #check}). Each batch of patients is checked and reconciled with the stored findings in one
 * transaction, so a scan interrupted half-way leaves whole patients done. Only full scans
 * are recorded in {@code quality_scan}; incremental checks are too many to keep.
 */
@Service
public class QualityScans {
    static final int CHUNK = 500;

    private final FactsRepository facts;
    private final FindingRepository findings;
    private final Terminology terminology;
    private final CodingEdits codingEdits;
    private final QualityProperties properties;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PhysicianNotifier notifier;
    private final UnindexedScans unindexedScans;
    private final RuleEngine engine = new RuleEngine(Rules.all());

    QualityScans(FactsRepository facts, FindingRepository findings, Terminology terminology, CodingEdits codingEdits,
                 QualityProperties properties, TransactionTemplate tx, JdbcTemplate jdbc, PhysicianNotifier notifier,
                 UnindexedScans unindexedScans, java.util.Optional<Clock> clock) {
        this.notifier = notifier;
        this.unindexedScans = unindexedScans;
        this.facts = facts;
        this.findings = findings;
        this.terminology = terminology;
        this.codingEdits = codingEdits;
        this.properties = properties;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The ids and titles of every rule, for listings and reports. */
    public List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>(engine.rules().stream()
                .map(r -> new RuleInfo(r.id(), r.category(), r.severity(), r.title())).toList());
        rules.add(UnindexedScans.info());
        return List.copyOf(rules);
    }

    public record RuleInfo(String id, Category category, Severity severity, String title) {
    }

    /**
     * Checks every patient, in ranges of {@link #CHUNK} patient ids: each of at most
     * {@code custodian.quality.scan-connections} workers reads a range (one round trip), checks it and
     * reconciles it with the stored findings in one transaction on one pooled connection, so a scan
     * never holds more connections than that and the other doors keep theirs. Then checks the scan
     * backlog ({@link UnindexedScans}), records the scan and sends the notices due.
     */
    public ScanResult fullScan(ScanProgress progress) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        RuleContext context = context(now);
        List<FactsRepository.PatientRange> ranges = facts.ranges(CHUNK);
        int total = facts.patientCount();
        Totals totals = new Totals();
        int[] done = {0};
        try (ExecutorService pool = Executors.newFixedThreadPool(properties.scanConnections())) {
            List<Future<?>> work = new ArrayList<>();
            for (FactsRepository.PatientRange range : ranges) {
                work.add(pool.submit(() -> {
                    int[] checked = {0};
                    ChunkResult result = tx.execute(s -> {
                        Map<UUID, PatientFacts> records = facts.load(range);
                        checked[0] = records.size();
                        return reconcile(records.keySet(), records.values(), context);
                    });
                    synchronized (totals) {
                        totals.add(result);
                        done[0] += checked[0];
                        progress.checked(done[0], Math.max(total, done[0]), totals.open);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("quality scan interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        FindingRepository.Reconciled backlog = tx.execute(s -> unindexedScans.check(now));
        totals.add(new ChunkResult(backlog, List.of()));
        ScanResult result = totals.result(done[0], start);
        recordScan("FULL", now, result);
        notifier.notifyDue(now);
        return result;
    }

    /**
     * Re-checks just these patients (after a change to their records) and sends the notices due for
     * what it newly found. Each chunk's records and stored findings are read in one round trip; only
     * changes are written, in a transaction of their own, so re-checking a patient whose findings stay
     * as they were is one round trip and holds no transaction at all.
     */
    public ScanResult check(Set<UUID> patientIds) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        RuleContext context = context(now);
        Totals totals = new Totals();
        List<UUID> ids = List.copyOf(patientIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            totals.add(checkChunk(ids.subList(from, Math.min(ids.size(), from + CHUNK)), context));
        }
        if (totals.opened > 0) {
            tx.executeWithoutResult(s -> notifier.notifyDue(now));
        }
        return totals.result(patientIds.size(), start);
    }

    /** Checks the scan backlog alone (the daily run): overdue unindexed scans opened, filed ones resolved. */
    public int checkScanBacklog() {
        Instant now = clock.instant();
        return tx.execute(s -> unindexedScans.check(now)).open();
    }

    /** Resolves the findings of scans filed to a chart since they were found (after a record change). */
    int resolveFiledScans() {
        return unindexedScans.resolveFiled(clock.instant());
    }

    /** What the rules consult for one scan; code verdicts are remembered for the scan's length. */
    private RuleContext context(Instant now) {
        return new RuleContext(now, properties, new TerminologyCodeCheck(terminology),
                new TerminologyClinicalEdits(codingEdits));
    }

    /** One round trip reads the patients' records and their stored findings; then the rules, then only changes are written. */
    private ChunkResult checkChunk(Collection<UUID> patients, RuleContext context) {
        RoundTrip trip = new RoundTrip();
        FactsRepository.Reading reading = FactsRepository.read(trip, patients);
        FindingRepository.Stored stored = FindingRepository.read(trip, patients);
        Map<UUID, PatientFacts> records = jdbc.execute((ConnectionCallback<Map<UUID, PatientFacts>>) con -> {
            trip.run(con);
            return reading.records(con);
        });
        RuleEngine.Evaluation evaluation = evaluate(records.values(), context);
        return new ChunkResult(findings.reconcile(stored, evaluation.findings(), evaluation.failures(), context.now()),
                evaluation.failures());
    }

    private ChunkResult reconcile(Collection<UUID> patients, Collection<PatientFacts> records, RuleContext context) {
        RuleEngine.Evaluation evaluation = evaluate(records, context);
        return new ChunkResult(findings.reconcile(patients, evaluation.findings(), evaluation.failures(), context.now()),
                evaluation.failures());
    }

    private RuleEngine.Evaluation evaluate(Collection<PatientFacts> records, RuleContext context) {
        List<Finding> found = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        for (PatientFacts record : records) {
            RuleEngine.Evaluation evaluation = engine.evaluate(record, context);
            found.addAll(evaluation.findings());
            failures.addAll(evaluation.failures());
        }
        return new RuleEngine.Evaluation(found, failures);
    }

    private void recordScan(String kind, Instant startedAt, ScanResult r) {
        jdbc.update("INSERT INTO quality_scan (id, kind, started_at, finished_at, patients, open_findings, opened, resolved,"
                        + " failures, partial) VALUES (?,?,?,?,?,?,?,?,?,?)", UUID.randomUUID(), kind,
                FindingRepository.ts(startedAt), FindingRepository.ts(clock.instant()), r.patients(), r.openFindings(),
                r.opened(), r.resolved(), r.failures().size(), r.partial());
    }

    private record ChunkResult(FindingRepository.Reconciled reconciled, List<RuleFailure> failures) {
    }

    private static final class Totals {
        int open;
        int opened;
        int resolved;
        final List<RuleFailure> failures = new ArrayList<>();

        void add(ChunkResult c) {
            open += c.reconciled().open();
            opened += c.reconciled().opened();
            resolved += c.reconciled().resolved();
            failures.addAll(c.failures());
        }

        ScanResult result(int patients, long startNanos) {
            return new ScanResult(patients, open, opened, resolved, failures, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
