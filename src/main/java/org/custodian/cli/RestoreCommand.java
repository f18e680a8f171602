package org.custodian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.custodian.platform.Database;
import org.custodian.platform.Databases;
import org.custodian.platform.EmbeddedDatabase;
import org.custodian.retention.SnapshotManifest;
import org.custodian.retention.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup archive into a new, empty data folder (--data NEWDIR). The archive is"
                + " checked against its manifest first; a corrupt or altered archive is refused before anything is written.")
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--in", paramLabel = "FILE", required = true, description = "Archive written by 'custodian backup'.")
    Path in;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = data.dataDirectory();
        if (Files.exists(target) && !isEmptyFolder(target)) {
            spec.commandLine().getErr().println("custodian restore: " + target
                    + " is not empty; restore only into a new or empty data folder");
            return 1;
        }
        SnapshotBar bar = new SnapshotBar(spec.commandLine().getErr());
        SnapshotManifest manifest;
        try (SnapshotReader archive = SnapshotReader.open(in, bar)) {
            manifest = archive.manifest();
            Files.createDirectories(target);
            try {
                try (Database database = Databases.open(target)) {
                    if (database instanceof EmbeddedDatabase embedded) {
                        embedded.awaitReady();
                    }
                    archive.restoreDatabase(database.jdbcUrl(), database.user(), database.password(), bar);
                }
                archive.restoreFiles(target.resolve("files"), bar);
            } catch (Exception | Error e) {
                deleteTree(target);
                throw e;
            }
        }
        spec.commandLine().getOut().printf("restored %s into %s: %d tables, %d rows, %d stored files;"
                        + " schema version %s; audit chain head %d %s%n", in, target, manifest.tables().size(),
                manifest.rows(), manifest.files().size(), manifest.schemaVersion(), manifest.auditSeq(),
                manifest.auditHash());
        spec.commandLine().getOut().println("copy the identifier key into " + target.resolve("keys")
                + " (or set it in the environment) before starting Custodian on this folder");
        return 0;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
