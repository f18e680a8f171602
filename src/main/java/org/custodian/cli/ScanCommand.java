package org.custodian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.scanning.Intake;
import org.custodian.scanning.ScanActor;
import org.custodian.scanning.ScanIntake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scanned paper: bring scanned PDF and image files in for indexing.",
        subcommands = {ScanCommand.Import.class})
public final class ScanCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a scanned file, or every file under a folder, into the indexing inbox. Files that are "
                    + "not a readable PDF, PNG, JPEG or TIFF are refused and listed with the reason; the exit code is 1 "
                    + "when any file was refused.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<dir-or-file>", description = "A scanned file or a folder of them (searched recursively).")
        Path source;

        @Mixin
        DataOptions data;

        @Option(names = "--facility", paramLabel = "CODE", description = "The facility the paper comes from.")
        String facilityCode;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.exists(source)) {
                err.println("custodian scan import: no such file or folder: " + source);
                return 1;
            }
            List<Path> files = filesUnder(source);
            if (files.isEmpty()) {
                err.println("custodian scan import: no files in " + source);
                return 1;
            }
            try (Launcher.Running app = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                UUID facilityId = null;
                if (facilityCode != null) {
                    var facility = app.bean(FacilityRepository.class).byCode(facilityCode.trim());
                    if (facility.isEmpty()) {
                        err.println("custodian scan import: no facility has code '" + facilityCode + "'");
                        return 1;
                    }
                    facilityId = facility.map(Facility::id).get();
                }
                return importAll(app.bean(ScanIntake.class), files, facilityId, out, err);
            }
        }

        private int importAll(ScanIntake intake, List<Path> files, UUID facilityId, PrintWriter out, PrintWriter err) {
            ScanActor actor = ScanActor.commandLine(System.getProperty("user.name"));
            ProgressBar bar = new ProgressBar("scan import", files.size(), err, ProgressBar.onTerminal());
            List<String> refused = new ArrayList<>();
            int accepted = 0;
            long pages = 0;
            long started = System.nanoTime();
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    switch (intake.receive(in, file.getFileName().toString(), null, facilityId, actor)) {
                        case Intake.Accepted a -> {
                            accepted++;
                            pages += a.scan().pages();
                        }
                        case Intake.Rejected r -> refused.add(file + ": " + r.rejected().reason());
                    }
                } catch (IOException e) {
                    refused.add(file + ": cannot be read (" + e.getMessage() + ")");
                }
                bar.advance(1, String.format("%,d imported, %,d refused", accepted, refused.size()));
            }
            bar.finish(String.format("%,d files in %.1f s", files.size(), (System.nanoTime() - started) / 1e9));
            refused.forEach(line -> err.println("refused " + line));
            out.printf("%,d imported (%,d pages), %,d refused%n", accepted, pages, refused.size());
            return refused.isEmpty() ? 0 : 1;
        }

        private static List<Path> filesUnder(Path source) throws IOException {
            if (Files.isRegularFile(source)) {
                return List.of(source);
            }
            try (Stream<Path> walk = Files.walk(source)) {
                return walk.filter(Files::isRegularFile).sorted().toList();
            }
        }
    }
}
