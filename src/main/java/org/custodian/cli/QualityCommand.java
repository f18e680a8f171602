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
import org.custodian.privacy.UserAccounts;
import org.custodian.quality.ChartCompletion;
import org.custodian.quality.Finding;
import org.custodian.quality.QualityFindings;
import org.custodian.quality.QualityScans;
import org.custodian.quality.RuleFailure;
import org.custodian.quality.ScanResult;
import org.custodian.quality.StoredFinding;
import org.custodian.record.PractitionerRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Data quality: run the rules over every record and list the findings.",
        subcommands = {QualityCommand.Scan.class, QualityCommand.LinkPhysician.class})
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
            line.put("patient", f.patientId() == null ? null : f.patientId().toString());
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

    @Command(name = "link-physician", mixinStandardHelpOptions = true,
            description = "Make a user account sign as a practitioner (by NPI): their deficiency queue is that practitioner's.")
    static final class LinkPhysician implements Callable<Integer> {
        @Option(names = "--user", required = true, paramLabel = "USERNAME", description = "The account to link.")
        String username;

        @Option(names = "--npi", required = true, paramLabel = "NPI", description = "The practitioner's NPI.")
        String npi;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                var practitioner = app.bean(PractitionerRepository.class).byNpi(npi.trim());
                if (practitioner.isEmpty()) {
                    spec.commandLine().getErr().println("custodian quality link-physician: no practitioner has NPI '" + npi + "'");
                    return 1;
                }
                if (app.bean(UserAccounts.class).find(username).isEmpty()) {
                    spec.commandLine().getErr().println("custodian quality link-physician: no user account '" + username + "'");
                    return 1;
                }
                app.bean(ChartCompletion.class).linkPhysician(username, practitioner.get().id(),
                        "cli:" + System.getProperty("user.name", "operator"));
                spec.commandLine().getOut().println(username + " now signs as " + practitioner.get().displayName()
                        + " (NPI " + practitioner.get().npi() + ")");
                return 0;
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
