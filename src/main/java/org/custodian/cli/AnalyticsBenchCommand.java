package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.custodian.analytics.Analytics;
import org.custodian.analytics.CodeKind;
import org.custodian.analytics.BillingMetrics;
import org.custodian.analytics.DeliveryMetrics;
import org.custodian.analytics.OutcomeMeasures;
import org.custodian.analytics.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Builds a large synthetic record in a fresh data folder, rebuilds the analytics store, and times
 * the dashboard: every query the analytics page runs, for all facilities, over one and five years.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the analytics dashboard over a large synthetic record (in a new data folder).")
final class AnalyticsBenchCommand implements Callable<Integer> {
    @Option(names = "--encounters", defaultValue = "1000000", description = "Encounters to generate (default: ${DEFAULT-VALUE}).")
    int encounters;

    @Option(names = "--patients", description = "Patients (default: encounters ÷ 10).")
    Integer patients;

    @Option(names = "--runs", defaultValue = "30", description = "Timed dashboard loads per period (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A new, empty data folder for the synthetic record (default: a temporary folder).")
    Path dataDirectory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (encounters < 1 || runs < 1) {
            throw new ParameterException(spec.commandLine(), "--encounters and --runs must be at least 1");
        }
        Path dir = dataDirectory != null ? dataDirectory : Files.createTempDirectory("custodian-analytics-bench");
        if (!AnalyticsCommand.isEmptyOrMissing(dir)) {
            throw new ParameterException(spec.commandLine(), "--data " + dir + " is not empty; the benchmark writes "
                    + "a synthetic record and needs a new folder");
        }
        int patientCount = patients != null ? patients : Math.max(1, encounters / 10);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Launcher.Running app = Launcher.start(dir, Launcher.Mode.TASK, Map.of())) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            err.println("generating " + encounters + " encounters for " + patientCount + " patients ...");
            err.flush();
            jdbc.execute(AnalyticsCommand.script("/bench/analytics-synthetic-record.sql",
                    Map.of("patients", patientCount, "encounters", encounters)));
            double generated = seconds(t0);

            ProgressBar bar = new ProgressBar("rebuilding analytics", Analytics.REBUILD_STEPS, err, ProgressBar.onTerminal());
            long t1 = System.nanoTime();
            app.bean(Analytics.class).rebuild(step -> bar.update(step, "step " + step));
            double rebuilt = seconds(t1);
            bar.finish(String.format("done in %.1f s", rebuilt));

            List<UUID> facilities = jdbc.queryForList("SELECT id FROM facility WHERE code LIKE 'BENCH-%'", UUID.class);
            DeliveryMetrics delivery = app.bean(DeliveryMetrics.class);
            OutcomeMeasures measures = app.bean(OutcomeMeasures.class);
            BillingMetrics billing = app.bean(BillingMetrics.class);
            YearMonth now = YearMonth.now();
            out.printf("analytics bench: %,d encounters, %,d patients; generated in %.1f s, analytics rebuilt in %.1f s%n",
                    encounters, patientCount, generated, rebuilt);
            for (Period period : List.of(Period.yearEnding(now), new Period(now.minusMonths(59), now))) {
                long[] nanos = new long[runs];
                for (int i = -3; i < runs; i++) {
                    long t = System.nanoTime();
                    loadDashboard(delivery, measures, billing, Set.copyOf(facilities), period);
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - t;
                    }
                }
                Arrays.sort(nanos);
                out.printf("dashboard %s to %s (all queries of the page, all facilities): p50 %.1f ms, p99 %.1f ms, "
                                + "max %.1f ms over %d runs%n", period.first(), period.last(), nanos[runs / 2] / 1e6,
                        nanos[Math.min(runs - 1, (int) (runs * 0.99))] / 1e6, nanos[runs - 1] / 1e6, runs);
            }
            UUID patient = jdbc.queryForObject("SELECT patient_id FROM encounter WHERE class = 'INPATIENT' LIMIT 1", UUID.class);
            long t2 = System.nanoTime();
            int refreshes = 20;
            for (int i = 0; i < refreshes; i++) {
                app.bean(org.custodian.analytics.Analytics.class).refresh(Set.of(patient));
            }
            out.printf("incremental refresh of one patient's facts and roll-ups: %.1f ms each%n",
                    seconds(t2) * 1000 / refreshes);
            out.flush();
            return 0;
        } finally {
            if (dataDirectory == null) {
                deleteTree(dir);
            }
        }
    }

    private static void loadDashboard(DeliveryMetrics delivery, OutcomeMeasures measures, BillingMetrics billing,
                                      Set<UUID> facilities, Period period) {
        billing.dnfb(facilities, period, java.time.LocalDate.now());
        delivery.admissionsByMonth(facilities, period);
        delivery.admissionsByFacility(facilities, period);
        delivery.inpatientStays(facilities, period);
        delivery.topCodes(CodeKind.DIAGNOSIS, facilities, period, 10);
        delivery.topCodes(CodeKind.PROCEDURE, facilities, period, 10);
        measures.summaries(facilities);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
