package org.custodian.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import org.custodian.platform.Database;
import org.custodian.platform.Databases;
import org.custodian.platform.EmbeddedDatabase;
import org.custodian.retention.SnapshotManifest;
import org.custodian.retention.SnapshotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent snapshot of the database and the stored files (DATA/files) to one archive,"
                + " with a manifest of row counts and SHA-256 checksums. The server may keep running.")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Archive to write (zip).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path folder = data.dataDirectory();
        String externalUrl = System.getenv(Databases.URL_VARIABLE);
        if ((externalUrl == null || externalUrl.isBlank()) && !Files.isDirectory(folder.resolve("pgdata"))) {
            spec.commandLine().getErr().println("custodian backup: no Custodian data folder at " + folder
                    + " (it has no pgdata)");
            return 1;
        }
        if (Files.isDirectory(out)) {
            spec.commandLine().getErr().println("custodian backup: --out " + out + " is a folder; name the archive file");
            return 1;
        }
        SnapshotManifest manifest;
        try (Database database = Databases.open(folder)) {
            if (database instanceof EmbeddedDatabase embedded) {
                embedded.awaitReady();
            }
            try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
                manifest = SnapshotWriter.write(db, folder.resolve("files"), out,
                        new SnapshotBar(spec.commandLine().getErr()));
            }
        }
        spec.commandLine().getOut().printf("backup written to %s: %d tables, %d rows, %d stored files;"
                        + " schema version %s; audit chain head %d %s%n", out, manifest.tables().size(), manifest.rows(),
                manifest.files().size(), manifest.schemaVersion(), manifest.auditSeq(), manifest.auditHash());
        spec.commandLine().getOut().println("the identifier key (" + folder.resolve("keys")
                + ") is not in the archive: keep a copy of it apart from the backups");
        return 0;
    }
}
