package org.custodian.mpi;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.record.IdentifierCipher;
import org.custodian.record.NameFolding;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The real-time candidate lookup against a database holding many patients: bulk-loads a seeded
 * generated population with COPY (once; a later run with the same size reuses it), then times
 * {@link PatientMatcher#candidates} for new registrations of the same generator, half of them
 * duplicates of loaded people, and reports latency percentiles.
 */
@Service
public class MpiLookupBenchmark {
    private static final String SOURCE = "mpi-lookup-bench";
    private static final int COPY_BATCH = 20_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final IdentifierCipher cipher;
    private final PatientMatcher matcher;

    MpiLookupBenchmark(DataSource dataSource, JdbcClient jdbc, IdentifierCipher cipher, PatientMatcher matcher) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.matcher = matcher;
    }

    /**
     * Latencies in microseconds, candidates found, and how long loading took (0 when reused). On a
     * loaded machine wall time is mostly waiting for a core, so each lookup's work is measured too:
     * the CPU the asking thread computed (scoring, decrypting, reading rows) and, from the kernel's
     * scheduler figures ({@link SchedulerClock}), the CPU this database's client backends spent
     * meanwhile (the query; any other statement running then is counted too), and their sum. The
     * database figures are zero where the kernel keeps no scheduler statistics
     * ({@code schedulerFigures} false).
     */
    public record Result(long indexed, int probes, long loadMillis, Percentiles wall, Percentiles threadCpu,
                         Percentiles databaseCpu, Percentiles totalCpu, boolean schedulerFigures,
                         double candidatesPerProbe, long duplicatesFound, long duplicateProbes) {
    }

    /** p50, p95, p99 and maximum of one measure over the lookups, in microseconds. */
    public record Percentiles(double p50, double p95, double p99, double max) {
        static Percentiles of(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Percentiles(percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                    sorted[sorted.length - 1]);
        }
    }

    public Result run(int records, int probes, long seed, Progress progress) {
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(seed, 0.10, 0.01).generate(records + probes);
        List<DuplicateGenerator.Row> indexed = rows.subList(0, records);
        long loaded = jdbc.sql("SELECT count(*) FROM patient WHERE source_system = :s").param("s", SOURCE)
                .query(Long.class).single();
        long loadMillis = 0;
        if (loaded != records) {
            long start = System.nanoTime();
            load(indexed, progress);
            loadMillis = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Set<String> indexedPeople = new java.util.HashSet<>();
        indexed.forEach(r -> indexedPeople.add(r.person()));
        List<DuplicateGenerator.Row> asked = rows.subList(records, rows.size());
        long[] micros = new long[asked.size()];
        long[] cpuMicros = new long[asked.size()];
        long[] databaseMicros = new long[asked.size()];
        long[] totalCpuMicros = new long[asked.size()];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long candidates = 0;
        long duplicates = 0;
        long found = 0;
        for (int warmUp = 0; warmUp < Math.min(200, asked.size()); warmUp++) {
            matcher.candidates(probe(asked.get(warmUp)), null);
        }
        List<Integer> backends = backendPids();
        for (int i = 0; i < asked.size(); i++) {
            DuplicateGenerator.Row row = asked.get(i);
            Demographics probe = probe(row);
            SchedulerClock.Times databaseBefore = SchedulerClock.processes(backends);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<PatientMatcher.Candidate> result = matcher.candidates(probe, null);
            micros[i] = (System.nanoTime() - start) / 1_000;
            cpuMicros[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000;
            databaseMicros[i] = SchedulerClock.processes(backends).minus(databaseBefore).running() / 1_000;
            totalCpuMicros[i] = cpuMicros[i] + databaseMicros[i];
            candidates += result.size();
            if (indexedPeople.contains(row.person())) {
                duplicates++;
                if (!result.isEmpty()) {
                    found++;
                }
            }
            progress.update(i + 1, asked.size());
        }
        return new Result(records, asked.size(), loadMillis, Percentiles.of(micros), Percentiles.of(cpuMicros),
                Percentiles.of(databaseMicros), Percentiles.of(totalCpuMicros),
                SchedulerClock.available() && !backends.isEmpty(), (double) candidates / asked.size(), found,
                duplicates);
    }

    /** The process ids of this database's client backends (the pool's connections), to read their CPU. */
    private List<Integer> backendPids() {
        return jdbc.sql("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' "
                + "AND datname = current_database()").query(Integer.class).list();
    }

    private static Demographics probe(DuplicateGenerator.Row row) {
        Demographics d = row.demographics();
        return new Demographics(null, d.given(), d.family(), d.birthDate(), d.sex(), d.addressLine(), d.city(),
                d.state(), d.postalCode(), d.phone(), d.ssn());
    }

    private static double percentile(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }

    private void load(List<DuplicateGenerator.Row> rows, Progress progress) {
        jdbc.sql("DELETE FROM patient WHERE source_system = :s").param("s", SOURCE).update();
        String received = Instant.now().toString();
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                Demographics d = rows.get(i).demographics();
                String ssn = d.ssn() == null || d.ssn().isBlank() ? null : d.ssn().trim();
                String hex = ssn == null ? null : "\\\\x" + java.util.HexFormat.of().formatHex(cipher.encrypt(ssn));
                batch.append(String.join("\t", UUID.randomUUID().toString(), text(d.given()), text(d.family()),
                        d.birthDate().toString(), d.sex().name(), text(d.addressLine()), text(d.city()),
                        text(d.state()), text(d.postalCode()), text(d.phone()), hex == null ? "\\N" : hex,
                        ssn == null ? "\\N" : text(cipher.digest(ssn)), SOURCE, received, SOURCE,
                        text(NameFolding.fold(d.given() + " " + d.family())))).append('\n');
                if (batch.length() > 0 && (i + 1) % COPY_BATCH == 0 || i == rows.size() - 1) {
                    copy.copyIn("""
                            COPY patient (id, given, family, birth_date, sex, address_line, city, state, postal_code,
                                phone, ssn_encrypted, ssn_digest, source_system, received_at, recorded_by, search_name)
                            FROM STDIN""", new StringReader(batch.toString()));
                    batch.setLength(0);
                    progress.update(i + 1, rows.size());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load of the benchmark patients failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("ANALYZE patient").update();
    }

    /** A value in COPY's text format: backslash, tab and newline escaped; null as \N. */
    private static String text(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
