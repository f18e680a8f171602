package org.custodian.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Custodian on this machine.",
        subcommands = {BenchCommand.Audit.class, SuggestionBenchCommand.class, DeidBenchCommand.class})
public final class BenchCommand {

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Append audit events from several threads and report the cost of one append.")
    static final class Audit implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--events", defaultValue = "5000", description = "Events in all (default: ${DEFAULT-VALUE}).")
        int events;

        @Option(names = "--threads", defaultValue = "8", description = "Concurrent writers (default: ${DEFAULT-VALUE}).")
        int threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                AuditTrail audit = app.bean(AuditTrail.class);
                audit.record(entry());
                long[] nanos = new long[events];
                long start = System.nanoTime();
                try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < events; i++) {
                        int slot = i;
                        done.add(pool.submit(() -> {
                            long t = System.nanoTime();
                            audit.record(entry());
                            nanos[slot] = System.nanoTime() - t;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(nanos);
                spec.commandLine().getOut().printf(
                        "audit append: %d events, %d threads, %.0f events/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        events, threads, events / seconds, nanos[events / 2] / 1e6, nanos[(int) (events * 0.99)] / 1e6,
                        nanos[events - 1] / 1e6);
                return 0;
            }
        }

        private static AuditEntry entry() {
            return new AuditEntry("bench", "CODER", AuditAction.READ, AuditOutcome.SUCCESS, UUID.randomUUID(),
                    "PatientChart", null, "benchmark", "127.0.0.1");
        }
    }
}
