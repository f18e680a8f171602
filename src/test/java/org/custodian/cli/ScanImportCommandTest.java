package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.Custodian;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.scanning.ScanSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** Runs {@code custodian scan import <dir> --data DIR --facility CODE} as a scanning clerk would at the end of a batch. */
class ScanImportCommandTest {
    @TempDir
    Path data;

    @TempDir
    Path batch;

    @Test
    void aFolderIsImportedWithProgressAndItsUnreadableFilesAreListedWithTheReason() throws Exception {
        UUID facility;
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of("custodian.quality.incremental", "false"))) {
            facility = app.bean(FacilityRepository.class).ensure(new Facility(UUID.randomUUID(), "SCLI", "SCLI Hospital",
                    FacilityType.HOSPITAL, "Lowell", "MA")).id();
        }
        byte[] consent = ScanSamples.pdf(2, "consent form");
        byte[] fax = ScanSamples.tiff(3);
        Files.write(batch.resolve("consent.pdf"), consent);
        Files.createDirectories(batch.resolve("monday"));
        Files.write(batch.resolve("monday/fax.tif"), fax);
        Files.writeString(batch.resolve("monday/notes.pdf"), "not a scan", StandardCharsets.UTF_8);

        Result result = run("scan", "import", batch.toString(), "--data", data.toString(), "--facility", "SCLI");

        assertThat(result.code()).as("a refused file makes the exit code 1: " + result.err()).isEqualTo(1);
        assertThat(result.out().strip()).isEqualTo("2 imported (5 pages), 1 refused");
        assertThat(result.err()).contains("scan import", "100%", "3 files in")
                .contains("refused " + batch.resolve("monday/notes.pdf") + ": the content is not a PDF, PNG, JPEG or TIFF");
        for (byte[] file : List.of(consent, fax)) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
            assertThat(data.resolve("files/scanned").resolve(sha.substring(0, 2)).resolve(sha)).hasBinaryContent(file);
        }

        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of("custodian.quality.incremental", "false"))) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT original_name || ':' || pages || ':' || status FROM scan_document"
                    + " WHERE facility_id = :f ORDER BY original_name").param("f", facility).query(String.class).list())
                    .containsExactly("consent.pdf:2:UNINDEXED", "fax.tif:3:UNINDEXED");
            assertThat(jdbc.sql("SELECT original_name FROM scan_rejected WHERE facility_id = :f").param("f", facility)
                    .query(String.class).list()).containsExactly("notes.pdf");
        }

        Result missing = run("scan", "import", batch.resolve("nothing-here").toString(), "--data", data.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("custodian scan import: no such file or folder: "
                + batch.resolve("nothing-here"));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
