import java.nio.file.Path;
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
            long start = System.nanoTime();
            ScanResult result = scans.fullScan(ScanProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s full scan: %,d patients, %,d encounters, %.1f s, %,.0f encounters/s, %,d open findings%n",
                    label, result.patients(), encounters, seconds, encounters / seconds, result.openFindings());
            List<UUID> ids = new ArrayList<>(jdbc.queryForList("SELECT id FROM patient ORDER BY id", UUID.class));
            Collections.shuffle(ids, new Random(7));
            long[] nanos = new long[Math.min(checks, ids.size())];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                scans.check(Set.of(ids.get(i)));
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("%s incremental check of one patient over %d checks: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
                    label, nanos.length, pct(nanos, 50), pct(nanos, 90), pct(nanos, 99));
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
