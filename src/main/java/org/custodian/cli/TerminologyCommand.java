package org.custodian.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;
import org.custodian.terminology.LoadOutcome;
import org.custodian.terminology.ReleaseChanges;
import org.custodian.terminology.ReleaseFileException;
import org.custodian.terminology.SearchHit;
import org.custodian.terminology.SearchQuery;
import org.custodian.terminology.Terminology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "terminology", mixinStandardHelpOptions = true,
        description = "Load official code set releases (ICD-10-CM, ICD-10-PCS, HCPCS), search and validate codes.",
        subcommands = {TerminologyCommand.Load.class, TerminologyCommand.Search.class, TerminologyCommand.Validate.class})
public final class TerminologyCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load a release or edit file, or every such file under a folder, and report the changes.")
    static final class Load implements Callable<Integer> {
        @Parameters(paramLabel = "FILE_OR_DIR", description = "icd10cm_order_YYYY.txt, icd10pcs_order_YYYY.txt, "
                + "HCPCYYYY_MMM_ANWEB.csv, icd10cm_tabular_YYYY.xml, icd10cm_order_addenda_YYYY.txt, POAexemptCodesFYyy.txt,"
                + " the MCE definitions (text), or a folder holding them. The kind is told from the content.")
        Path path;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                Terminology terminology = app.bean(Terminology.class);
                Map<String, ProgressBar> bars = new LinkedHashMap<>();
                boolean terminal = ProgressBar.onTerminal();
                List<LoadOutcome> outcomes = terminology.load(path, (file, done, total) -> {
                    ProgressBar bar = bars.computeIfAbsent(file, f -> new ProgressBar(f, total, err, terminal));
                    bar.update(done, String.format("%,d / %,d codes", done, total));
                    if (done == total) {
                        bar.finish(String.format("%,d codes stored", total));
                    }
                });
                outcomes.forEach(outcome -> out.println(summary(outcome)));
                return 0;
            } catch (ReleaseFileException e) {
                err.println("custodian terminology load: " + e.getMessage());
                return 1;
            }
        }

        private static String summary(LoadOutcome outcome) {
            return switch (outcome) {
                case LoadOutcome.AlreadyLoaded already -> "already loaded, nothing changed: " + outcome.label() + " from "
                        + outcome.sourceFile();
                case LoadOutcome.EditsAlreadyLoaded already -> "already loaded, nothing changed: " + outcome.label()
                        + " from " + outcome.sourceFile();
                case LoadOutcome.Loaded loaded -> String.format("loaded %s from %s: %,d codes (%,d billable) in %.1f s%s",
                        outcome.label(), outcome.sourceFile(), loaded.release().codeCount(), loaded.release().billableCount(),
                        loaded.millis() / 1000.0, loaded.changes().map(Load::changes)
                                .orElse("; first release of " + loaded.release().system().title()));
                case LoadOutcome.EditsLoaded loaded -> String.format("loaded %s from %s: %,d entries in %.1f s (%s)",
                        outcome.label(), outcome.sourceFile(), loaded.file().entryCount(), loaded.millis() / 1000.0,
                        loaded.file().counts().entrySet().stream().map(e -> String.format("%s %,d",
                                e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue())).collect(Collectors.joining(", ")));
            };
        }

        private static String changes(ReleaseChanges c) {
            return String.format("; against %s: %,d added, %,d deleted, %,d revised%s", c.previous().version(), c.added(),
                    c.deleted(), c.revised(), examples("added", c.addedExamples()) + examples("deleted", c.deletedExamples())
                            + examples("revised", c.revisedExamples()));
        }

        private static String examples(String what, List<String> codes) {
            return codes.isEmpty() ? "" : "\n  " + what + ": " + String.join(", ", codes.subList(0, Math.min(5, codes.size())))
                    + (codes.size() > 5 ? ", ..." : "");
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search codes by code prefix or words (any order, typos tolerated); one JSON object per line.")
    static final class Search implements Callable<Integer> {
        @Parameters(paramLabel = "WORDS", arity = "1..*", description = "Words or a code, e.g. \"type 2 diabetes\" or E11.9.")
        List<String> words;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of service: search the releases in force then"
                + " (default: the latest release of each system).")
        LocalDate date;

        @Option(names = "--system", paramLabel = "SYSTEM", description = "icd10cm, icd10pcs or hcpcs (default: all).")
        String system;

        @Option(names = "--limit", defaultValue = "20", description = "Most hits to print (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            Optional<CodeSystem> only = system(system, spec);
            SearchQuery query;
            try {
                query = new SearchQuery(String.join(" ", words), Optional.ofNullable(date), only, limit);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("custodian terminology search: " + e.getMessage());
                return 2;
            }
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                for (SearchHit hit : app.bean(Terminology.class).search(query)) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("code", hit.code().display());
                    line.put("system", hit.code().system().id());
                    line.put("description", hit.code().longDescription());
                    line.put("billable", hit.code().billable());
                    line.put("release", hit.release().version());
                    line.put("match", hit.match().name().toLowerCase());
                    line.put("score", hit.score());
                    spec.commandLine().getOut().println(JSON.writeValueAsString(line));
                }
                return 0;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check codes against the release in force on the date of service; one JSON object per line."
                    + " Exit 0 when every code is valid, 3 when some is not.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "CODE", arity = "1..*", description = "Codes, with or without dots, any case.")
        List<String> codes;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of service (inpatient: discharge date;"
                + " default: the latest release of each system).")
        LocalDate date;

        @Option(names = "--system", paramLabel = "SYSTEM", description = "icd10cm, icd10pcs or hcpcs (default: any).")
        String system;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            Optional<CodeSystem> only = system(system, spec);
            boolean allValid = true;
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                Terminology terminology = app.bean(Terminology.class);
                for (String code : codes) {
                    CodeValidation result = terminology.validate(code, Optional.ofNullable(date), only);
                    allValid &= result.valid();
                    spec.commandLine().getOut().println(JSON.writeValueAsString(json(result)));
                }
            }
            return allValid ? 0 : 3;
        }

        private static Map<String, Object> json(CodeValidation result) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("input", result.input());
            switch (result) {
                case CodeValidation.Valid v -> put(line, v.code().display(), v.code().system(), "valid", v.release().version());
                case CodeValidation.Header h -> put(line, h.code().display(), h.code().system(), "header", h.release().version());
                case CodeValidation.NotValidOnDate n -> put(line, n.system().display(n.code()), n.system(), "not_valid_on_date",
                        n.inForce().map(r -> r.version()).orElse(null));
                case CodeValidation.NoReleaseOnDate n -> put(line, n.system().display(CodeSystem.normalize(n.input())),
                        n.system(), "no_release_on_date", null);
                case CodeValidation.Unknown u -> put(line, u.code(), null, "unknown", null);
                case CodeValidation.Malformed m -> put(line, null, null, "malformed", null);
            }
            line.put("valid", result.valid());
            line.put("message", result.message());
            return line;
        }

        private static void put(Map<String, Object> line, String code, CodeSystem system, String kind, String release) {
            line.put("code", code);
            line.put("system", system == null ? null : system.id());
            line.put("result", kind);
            line.put("release", release);
        }
    }

    /** The --system option: empty for all, or null (after saying why) when it names no system. */
    /** The --system filter; an unknown name is a usage error (picocli prints it and exits 2). */
    private static Optional<CodeSystem> system(String name, CommandSpec spec) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(CodeSystem.byId(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown --system '" + name + "'; use " + java.util.Arrays.stream(CodeSystem.values())
                        .map(CodeSystem::id).collect(Collectors.joining(", ")))));
    }
}
