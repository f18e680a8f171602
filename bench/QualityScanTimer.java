import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.custodian.cli.Launcher;
import org.custodian.quality.QualityScans;
import org.custodian.quality.ScanProgress;
import org.custodian.quality.ScanResult;
import org.custodian.terminology.Terminology;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times a full quality scan and single-patient incremental checks on an existing data folder,
 * through the public API only, so the same file runs against any build's classes (old against
 * new in one session on the same data). Run by bench/quality-speed.sh.
 *
 * <pre>java -cp CLASSES:DEPENDENCIES bench/QualityScanTimer.java DATA_DIR LABEL [CHECKS]</pre>
 */
public class QualityScanTimer {
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        String label = args[1];
        int checks = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Map<String, Object> properties = Map.of("custodian.quality.incremental", "false",
                "spring.flyway.ignore-migration-patterns", "*:future");
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, properties)) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            long encounters = jdbc.queryForObject("SELECT count(*) FROM encounter", Long.class);
            QualityScans scans = app.bean(QualityScans.class);
            // the code index is built once per process on first use: not part of a scan's cost at scale
            app.bean(Terminology.class).validate("J18.9", LocalDate.of(2026, 1, 1));
            double[] cpu = cpuSeconds(data);
            long start = System.nanoTime();
            ScanResult result = scans.fullScan(ScanProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] cpuAfter = cpuSeconds(data);
            System.out.printf("%s full scan: %,d patients, %,d encounters, %.1f s, %,.0f encounters/s, %,d open findings;"
                            + " CPU: JVM %.1f s, PostgreSQL %.1f s%n", label, result.patients(), encounters, seconds,
                    encounters / seconds, result.openFindings(), cpuAfter[0] - cpu[0], cpuAfter[1] - cpu[1]);
            cpu = cpuAfter;
            List<UUID> ids = new ArrayList<>(jdbc.queryForList("SELECT id FROM patient ORDER BY id", UUID.class));
            Collections.shuffle(ids, new Random(7));
            long[] nanos = new long[Math.min(checks, ids.size())];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                scans.check(Set.of(ids.get(i)));
                nanos[i] = System.nanoTime() - t;
            }
            cpuAfter = cpuSeconds(data);
            Arrays.sort(nanos);
            System.out.printf("%s incremental check of one patient over %d checks: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms;"
                            + " CPU per check: JVM %.1f ms, PostgreSQL %.1f ms%n", label, nanos.length, pct(nanos, 50),
                    pct(nanos, 90), pct(nanos, 99), (cpuAfter[0] - cpu[0]) * 1000 / nanos.length,
                    (cpuAfter[1] - cpu[1]) * 1000 / nanos.length);
        }
    }

    /**
     * CPU seconds used so far by this JVM and by the embedded PostgreSQL (the postmaster, its live
     * backends and its ended ones), which neighbours on a shared machine do not inflate.
     */
    private static double[] cpuSeconds(Path data) {
        double jvm = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("pgdata/postmaster.pid")).getFirst().trim());
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    String[] stat = stat(process);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster) {
                        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]) + Long.parseLong(stat[15])
                                + Long.parseLong(stat[16]);
                    } else if (Long.parseLong(stat[3]) == postmaster) {
                        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    }
                }
            }
            return new double[] {jvm, ticks / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {jvm, Double.NaN};
        }
    }

    /** The fields of /proc/PID/stat, the command name (which may hold spaces) kept as one; null if it ended. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).trim().split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = line.substring(line.indexOf('(') + 1, close);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
