package org.custodian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.custodian.coding.CareSetting;
import org.custodian.coding.CodeSuggester;
import org.custodian.coding.CodeSuggestion;
import org.custodian.coding.SourceNote;
import org.custodian.coding.SuggestionsUnavailable;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.Release;
import org.custodian.terminology.Terminology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "coding", mixinStandardHelpOptions = true,
        description = "Computer-assisted coding from the command line.",
        subcommands = CodingCommand.Suggest.class)
public final class CodingCommand {

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Suggest ICD-10-CM codes for clinical notes (plain text), with evidence; one JSON object per"
                    + " suggestion per line: file, code, description, confidence, evidence {start, end, text}.")
    static final class Suggest implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Option(names = "--in", required = true, paramLabel = "FILE_OR_DIR",
                description = "A note (UTF-8 text) or a folder of notes; each file is read as one encounter's note.")
        Path in;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "Date of service: code from the ICD-10-CM release in force then (default: the latest loaded).")
        LocalDate date;

        @Option(names = "--setting", paramLabel = "SETTING", defaultValue = "outpatient",
                description = "inpatient or outpatient (default: ${DEFAULT-VALUE}); decides how uncertain diagnoses are coded.")
        String setting;

        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CareSetting careSetting = careSetting();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> files;
            List<SourceNote> notes = new ArrayList<>();
            try {
                files = notes(in);
                for (Path file : files) {
                    notes.add(new SourceNote(file.toString(), text(file)));
                }
            } catch (NoteException e) {
                err.println("custodian coding suggest: " + e.getMessage());
                return 1;
            }
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                LocalDate dateOfService = date != null ? date : latestRelease(app.bean(Terminology.class));
                CodeSuggester suggester = app.bean(CodeSuggester.class);
                PrintWriter out = spec.commandLine().getOut();
                for (SourceNote note : notes) {
                    for (CodeSuggestion s : suggester.suggest(List.of(note), dateOfService, careSetting)) {
                        out.println(JSON.writeValueAsString(json(s)));
                    }
                }
                out.flush();
                return 0;
            } catch (SuggestionsUnavailable e) {
                err.println("custodian coding suggest: " + e.getMessage());
                return 1;
            }
        }

        private CareSetting careSetting() {
            return switch (setting.trim().toLowerCase(Locale.ROOT)) {
                case "inpatient" -> CareSetting.INPATIENT;
                case "outpatient" -> CareSetting.OUTPATIENT;
                default -> throw new ParameterException(spec.commandLine(),
                        "unknown --setting '" + setting + "'; use inpatient or outpatient");
            };
        }

        private static LocalDate latestRelease(Terminology terminology) {
            return terminology.release(CodeSystem.ICD10CM, Optional.empty()).map(Release::effectiveFrom)
                    .orElseThrow(() -> new SuggestionsUnavailable("no ICD-10-CM release is loaded; load the order file"
                            + " (icd10cm_order_YYYY.txt) with `custodian terminology load`"));
        }

        private static Map<String, Object> json(CodeSuggestion s) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", s.source());
            line.put("code", s.code());
            line.put("description", s.description());
            line.put("confidence", s.confidence());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("start", s.start());
            evidence.put("end", s.end());
            evidence.put("text", s.evidence());
            line.put("evidence", evidence);
            return line;
        }
    }

    /** A note that cannot be read, with the reason and the file. */
    static final class NoteException extends Exception {
        NoteException(String message) {
            super(message);
        }
    }

    /** The file itself, or the regular files under a folder (hidden ones skipped), in name order. */
    static List<Path> notes(Path in) throws NoteException {
        if (!Files.exists(in)) {
            throw new NoteException("no such file or folder: " + in);
        }
        if (!Files.isDirectory(in)) {
            return List.of(in);
        }
        try (Stream<Path> walk = Files.walk(in)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
            if (files.isEmpty()) {
                throw new NoteException("no notes in folder " + in);
            }
            return files;
        } catch (IOException e) {
            throw new NoteException("cannot list folder " + in + ": " + e.getMessage());
        }
    }

    /** A note's text; it must be UTF-8 text, not a binary file. */
    static String text(Path file) throws NoteException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NoteException("cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new NoteException(file + " is not a text note (it holds binary data)");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NoteException(file + " is not UTF-8 text");
        }
    }
}
