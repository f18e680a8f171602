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
import org.custodian.terminology.CodingEdit;
import org.custodian.terminology.CodingEdits;
import org.custodian.terminology.EncounterCodes;
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
            description = "Check codes against the release in force on the date of service, then run the encounter edits"
                    + " (7th character, Excludes1, principal diagnosis, age, sex, POA) on them together; one JSON object"
                    + " per code. Exit 0 when every code is valid and no edit is an error, 3 otherwise.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "CODE", arity = "1..*", description = "Codes, with or without dots, any case; a diagnosis"
                + " may carry its POA indicator after a colon (E11.9:Y).")
        List<String> codes;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of service (inpatient: discharge date;"
                + " default: the latest release of each system).")
        LocalDate date;

        @Option(names = "--system", paramLabel = "SYSTEM", description = "icd10cm, icd10pcs or hcpcs (default: any).")
        String system;

        @Option(names = "--age", paramLabel = "YEARS", description = "Patient's age in years, for the MCE age edits.")
        Integer age;

        @Option(names = "--sex", paramLabel = "F|M|U", description = "Patient's sex, for the sex-conflict edits.")
        String sex;

        @Option(names = "--setting", paramLabel = "inpatient|outpatient", defaultValue = "outpatient",
                description = "Inpatient runs the POA edits (default: ${DEFAULT-VALUE}).")
        String setting;

        @Option(names = "--principal", paramLabel = "CODE", arity = "0..1", fallbackValue = "",
                description = "The principal diagnosis; without a value, the first diagnosis code given.")
        String principal;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            Optional<CodeSystem> only = system(system, spec);
            EncounterCodes.Sex patientSex;
            EncounterCodes.Setting where;
            try {
                patientSex = sex == null ? EncounterCodes.Sex.UNKNOWN : EncounterCodes.Sex.parse(sex);
                where = EncounterCodes.Setting.valueOf(setting.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("No enum")
                        ? "--setting must be inpatient or outpatient, not '" + setting + "'" : e.getMessage());
            }
            List<String> typed = new java.util.ArrayList<>(codes);
            if (principal != null && !principal.isBlank() && typed.stream().map(ValidateInput::codeOf)
                    .noneMatch(ValidateInput.codeOf(principal)::equals)) {
                typed.addFirst(principal);
            }
            boolean clean = true;
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                Terminology terminology = app.bean(Terminology.class);
                List<ValidateInput> inputs = new java.util.ArrayList<>();
                for (String text : typed) {
                    ValidateInput input;
                    try {
                        input = ValidateInput.of(text);
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), "'" + text + "': " + e.getMessage());
                    }
                    inputs.add(input.validated(terminology.validate(input.code(), Optional.ofNullable(date), only)));
                }
                Optional<LocalDate> editDate = Optional.ofNullable(date).or(() -> latestDate(terminology));
                List<CodingEdit> edits = List.of();
                if (editDate.isPresent()) {
                    try {
                        edits = app.bean(CodingEdits.class).check(ValidateInput.encounter(inputs, principal, editDate.get(),
                                Optional.ofNullable(age), patientSex, where));
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), e.getMessage());
                    }
                }
                for (int i = 0; i < inputs.size(); i++) {
                    ValidateInput input = inputs.get(i);
                    Map<String, Object> line = json(input.result());
                    line.put("role", input.role(inputs, principal));
                    line.put("poa", input.poa().map(Enum::name).orElse(null));
                    List<Map<String, Object>> own = new java.util.ArrayList<>();
                    for (CodingEdit edit : edits) {
                        if (edit.codes().contains(input.display()) || (i == 0 && edit.codes().isEmpty())) {
                            own.add(json(edit));
                        }
                    }
                    line.put("edits", own);
                    clean &= input.result().valid() && own.stream().noneMatch(e -> "error".equals(e.get("severity")));
                    spec.commandLine().getOut().println(JSON.writeValueAsString(line));
                }
            }
            return clean ? 0 : 3;
        }

        /** Without --date, a day the latest ICD-10-CM release covers: today if it does, else its nearest end. */
        private static Optional<LocalDate> latestDate(Terminology terminology) {
            LocalDate today = LocalDate.now();
            return terminology.releases().stream().filter(r -> r.system() == CodeSystem.ICD10CM)
                    .max(java.util.Comparator.comparing(r -> r.effectiveFrom()))
                    .map(r -> today.isBefore(r.effectiveFrom()) ? r.effectiveFrom()
                            : today.isAfter(r.effectiveTo()) ? r.effectiveTo() : today);
        }

        private static Map<String, Object> json(CodingEdit edit) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("edit", edit.edit());
            out.put("severity", edit.severity().name().toLowerCase(java.util.Locale.ROOT));
            out.put("codes", edit.codes());
            out.put("message", edit.message());
            return out;
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
