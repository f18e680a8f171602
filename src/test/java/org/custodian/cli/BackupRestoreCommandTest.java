package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.custodian.Custodian;
import org.custodian.platform.Database;
import org.custodian.platform.Databases;
import org.custodian.platform.EmbeddedDatabase;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Mrn;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * {@code custodian backup} and {@code custodian restore} as a user runs them: a data folder with
 * records, audit events and a stored file is backed up and restored into a new folder; every table
 * has the same row count, the audit chain verifies to the same head, and the file is byte-identical.
 */
class BackupRestoreCommandTest {
    @TempDir
    Path work;

    @Test
    void aRestoredFolderHasTheSameRowsAuditHeadAndStoredFiles() throws Exception {
        Path data = work.resolve("data");
        Path restored = work.resolve("restored");
        Path archive = work.resolve("backups/custodian.zip");
        byte[] scan = new byte[300_000];
        new Random(17).nextBytes(scan);
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            writeRecords(app, 5);
            for (int i = 0; i < 4; i++) {
                app.bean(AuditTrail.class).record(new AuditEntry("hit", "CODER", AuditAction.READ,
                        AuditOutcome.SUCCESS, UUID.randomUUID(), "Patient", null, null, "127.0.0.1"));
            }
        }
        Files.createDirectories(data.resolve("files/scans"));
        Files.write(data.resolve("files/scans/page-1.tif"), scan);
        String head = auditHead(run("audit", "verify", "--data", data.toString()).out());
        Map<String, Long> before = rowCounts(data);

        Result backup = run("backup", "--data", data.toString(), "--out", archive.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("backup written to", "1 stored files", head);

        Result restore = run("restore", "--in", archive.toString(), "--data", restored.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.err()).contains("restoring");

        assertThat(rowCounts(restored)).isEqualTo(before);
        assertThat(before.get("encounter")).isGreaterThanOrEqualTo(5);
        assertThat(Files.readAllBytes(restored.resolve("files/scans/page-1.tif"))).isEqualTo(scan);
        Result verify = run("audit", "verify", "--data", restored.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(auditHead(verify.out())).isEqualTo(head);
    }

    @Test
    void restoreRefusesATamperedArchiveACorruptOneAndANonEmptyTarget() throws Exception {
        Path data = work.resolve("data");
        Path archive = work.resolve("custodian.zip");
        try (Launcher.Running app = Launcher.start(data, Launcher.Mode.TASK, Map.of())) {
            writeRecords(app, 1);
        }
        assertThat(run("backup", "--data", data.toString(), "--out", archive.toString()).code()).isZero();

        Path tampered = work.resolve("tampered.zip");
        rewrite(archive, tampered, "db/patient.copy");
        Result changed = run("restore", "--in", tampered.toString(), "--data", work.resolve("t1").toString());
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.err()).contains("corrupt or tampered", "db/patient.copy", "does not match the manifest");
        assertThat(work.resolve("t1")).doesNotExist();

        Path truncated = work.resolve("truncated.zip");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Result corrupt = run("restore", "--in", truncated.toString(), "--data", work.resolve("t2").toString());
        assertThat(corrupt.code()).isEqualTo(1);
        assertThat(corrupt.err()).contains("corrupt or tampered");

        Result occupied = run("restore", "--in", archive.toString(), "--data", data.toString());
        assertThat(occupied.code()).isEqualTo(1);
        assertThat(occupied.err()).contains("is not empty");
    }

    private static void writeRecords(Launcher.Running app, int patients) {
        Facility hospital = app.bean(FacilityRepository.class).ensure(new Facility(UUID.randomUUID(), "BAK",
                "Backup General", FacilityType.HOSPITAL, "Troy", "NY"));
        RecordWriter writer = app.bean(RecordWriter.class);
        Provenance prov = Provenance.now("test", "backup", "tester");
        app.bean(TransactionTemplate.class).executeWithoutResult(s -> {
            RecordWriter.Batch batch = writer.batch();
            for (int i = 0; i < patients; i++) {
                Patient p = new Patient(UUID.randomUUID(), "Ann", "Backup" + i, LocalDate.of(1970, 1, 1 + i), Sex.FEMALE,
                        Patient.Address.NONE, null, null);
                Instant admit = Instant.now().minus(10 + i, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
                batch.patient(p, "123-45-678" + i, prov).identifier(p.id(), new Mrn(hospital.id(), "B" + i))
                        .encounter(new Encounter(UUID.randomUUID(), p.id(), hospital.id(), "BV" + i,
                                EncounterClass.OUTPATIENT, admit, admit.plus(1, ChronoUnit.HOURS), null, null, "Visit"),
                                prov);
            }
            batch.flush();
        });
    }

    private static Map<String, Long> rowCounts(Path folder) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Database database = Databases.open(folder)) {
            if (database instanceof EmbeddedDatabase embedded) {
                embedded.awaitReady();
            }
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 Statement s = c.createStatement()) {
                var tables = new java.util.ArrayList<String>();
                try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /** Copies the archive, changing one byte of one entry (a valid zip whose content no longer matches). */
    private static void rewrite(Path from, Path to, String victim) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] content;
                try (InputStream s = in.getInputStream(e)) {
                    content = s.readAllBytes();
                }
                if (e.getName().equals(victim)) {
                    content[content.length - 10] ^= 0x01;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }

    private static String auditHead(String verifyOutput) {
        Matcher m = Pattern.compile("head ([0-9a-f]{64})").matcher(verifyOutput);
        assertThat(m.find()).as(verifyOutput).isTrue();
        return m.group(1);
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
