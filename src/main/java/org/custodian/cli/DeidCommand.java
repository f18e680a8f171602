package org.custodian.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.disclosure.KnownIdentifiers;
import org.custodian.disclosure.PhiScrubber;
import org.custodian.disclosure.PhiType;
import org.custodian.disclosure.Replacement;
import org.custodian.disclosure.ScrubbedText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "deid", mixinStandardHelpOptions = true, description = "De-identify: scrub PHI from text, export Safe Harbor data sets.",
        subcommands = {DeidCommand.Text.class, DeidExportCommand.class})
public final class DeidCommand {

    @Command(name = "text", mixinStandardHelpOptions = true,
            description = "Scrub PHI from every text file under --in, writing the same tree under --out. "
                    + "Files that are not UTF-8 text are reported and not copied.")
    static final class Text implements Callable<Integer> {
        @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder of text files (searched recursively).")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the scrubbed files.")
        Path out;

        @Option(names = "--replace", defaultValue = "PLACEHOLDER", paramLabel = "HOW",
                description = "PLACEHOLDER ([NAME], [DATE], …) or SURROGATE (made-up values) (default: ${DEFAULT-VALUE}).")
        Replacement replacement;

        @Option(names = "--surrogate-key", defaultValue = "custodian", paramLabel = "KEY",
                description = "Surrogates are the same for the same value under the same key (default: ${DEFAULT-VALUE}).")
        String key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(in)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--in " + in + " is not a folder");
            }
            Path source = in.toAbsolutePath().normalize();
            Path target = out.toAbsolutePath().normalize();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.toAbsolutePath().normalize().startsWith(target))
                        .sorted().toList();
            }
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar bar = new ProgressBar("scrubbing", files.size(), err, ProgressBar.onTerminal());
            PhiScrubber scrubber = new PhiScrubber();
            Map<PhiType, Integer> counts = new TreeMap<>();
            int scrubbed = 0;
            for (Path file : files) {
                Path relative = source.relativize(file);
                String text = readText(file);
                if (text == null) {
                    err.println("skipped " + relative + ": not UTF-8 text");
                } else {
                    ScrubbedText result = scrubber.scrub(text, KnownIdentifiers.NONE, replacement, key);
                    result.countsByType().forEach((type, n) -> counts.merge(type, n, Integer::sum));
                    Path written = target.resolve(relative);
                    Files.createDirectories(written.getParent());
                    Files.writeString(written, result.text(), StandardCharsets.UTF_8);
                    scrubbed++;
                }
                bar.advance(1, relative.toString());
            }
            bar.finish(scrubbed + " files");
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            spec.commandLine().getOut().printf("scrubbed %d of %d files into %s: %d PHI spans replaced%s%n",
                    scrubbed, files.size(), target, total, counts.isEmpty() ? "" : " (" + counts.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
            return 0;
        }

        /** The file's text, or null when it is binary or not UTF-8. */
        private static String readText(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
