package org.custodian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.quality.Finding;
import org.custodian.quality.QualityFindings;
import org.custodian.quality.QualityScans;
import org.custodian.quality.RuleFailure;
import org.custodian.quality.ScanResult;
import org.custodian.quality.StoredFinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Data quality: run the rules over every record and list the findings.",
        subcommands = {QualityCommand.Scan.class})
public final class QualityCommand {

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Check every patient's record with every rule, store the findings (resolving fixed ones)"
                    + " and write the open findings, one JSON object per line.")
    static final class Scan implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin
        DataOptions data;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the findings here (default: standard output).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                boolean terminal = ProgressBar.onTerminal();
                ProgressBar[] bar = {null};
                ScanResult result = app.bean(QualityScans.class).fullScan((done, total, findings) -> {
                    if (bar[0] == null) {
                        bar[0] = new ProgressBar("quality scan", total, err, terminal);
                    }
                    bar[0].update(done, String.format("%,d / %,d patients, %,d findings", done, total, findings));
                });
                if (bar[0] == null) {
                    bar[0] = new ProgressBar("quality scan", 0, err, terminal);
                }
                bar[0].finish(String.format("%,d patients checked in %.1f s: %,d open findings (%,d new, %,d resolved)%s",
                        result.patients(), result.millis() / 1000.0, result.openFindings(), result.opened(), result.resolved(),
                        result.partial() ? "; PARTIAL: " + result.failures().size() + " rule failures" : ""));
                for (RuleFailure f : result.failures()) {
                    err.println("rule " + f.ruleId() + " failed on patient " + f.patientId() + ": " + f.message());
                }
                int[] written = {0};
                try (Writer writer = out == null ? new NonClosing(spec.commandLine().getOut())
                        : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    app.bean(QualityFindings.class).eachOpen(f -> {
                        write(writer, f);
                        written[0]++;
                    });
                }
                if (out != null) {
                    err.printf("%,d findings written to %s%n", written[0], out);
                }
                return 0;
            }
        }

        private static void write(Writer writer, StoredFinding stored) {
            Finding f = stored.finding();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rule_id", f.ruleId());
            line.put("category", f.category().name().toLowerCase(Locale.ROOT));
            line.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            line.put("patient", f.patientId().toString());
            line.put("encounter", f.encounterId() == null ? null : f.encounterId().toString());
            line.put("document", f.documentId() == null ? null : f.documentId().toString());
            line.put("location", f.location());
            line.put("message", f.message());
            line.put("first_seen", stored.firstSeen().toString());
            try {
                writer.write(JSON.writeValueAsString(line));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Standard output stays open for picocli after the findings are written. */
    private static final class NonClosing extends BufferedWriter {
        NonClosing(PrintWriter out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
