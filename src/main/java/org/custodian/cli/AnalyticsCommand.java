package org.custodian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.analytics.Analytics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Maintain and measure the analytics store (facts and monthly roll-ups).",
        subcommands = {AnalyticsCommand.Rebuild.class, AnalyticsBenchCommand.class})
public final class AnalyticsCommand {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Derive every analytics fact and roll-up again from the record.")
    static final class Rebuild implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                ProgressBar bar = new ProgressBar("rebuilding analytics", Analytics.REBUILD_STEPS, err,
                        ProgressBar.onTerminal());
                long start = System.nanoTime();
                app.bean(Analytics.class).rebuild(step -> bar.update(step, STEP_NAMES[step - 1]));
                bar.finish(String.format("done in %.1f s", (System.nanoTime() - start) / 1e9));
                return 0;
            }
        }

        private static final String[] STEP_NAMES = {"encounter facts", "monthly figures", "code counts",
            "outcome measures"};
    }

    /** Reads a SQL script shipped in the jar, with {@code ${name}} placeholders filled in. */
    static String script(String resource, Map<String, Object> values) {
        try (InputStream in = AnalyticsCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var value : values.entrySet()) {
                sql = sql.replace("${" + value.getKey() + "}", value.getValue().toString());
            }
            return sql;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
