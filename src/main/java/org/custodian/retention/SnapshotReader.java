package org.custodian.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;

/**
 * Restores a backup archive into an empty database and files folder. Before anything is written,
 * every entry is checked against the manifest (SHA-256, nothing missing, nothing extra). The schema
 * is built by this build's Flyway migrations up to the archive's version, then every table is
 * emptied and loaded from the archive in one transaction (foreign keys and triggers held back, since
 * the rows are consistent as a whole), sequences are set, and row counts are checked.
 */
public final class SnapshotReader implements AutoCloseable {
    private final Path archivePath;
    private final ZipFile zip;
    private final SnapshotManifest manifest;

    private SnapshotReader(Path archivePath, ZipFile zip, SnapshotManifest manifest) {
        this.archivePath = archivePath;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens the archive and checks every entry against the manifest; throws {@link SnapshotCorrupt} if any differs. */
    public static SnapshotReader open(Path archive, SnapshotProgress progress) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("no backup archive at " + archive);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new SnapshotCorrupt(archive + " is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        try {
            ZipEntry manifestEntry = zip.getEntry(SnapshotManifest.ENTRY);
            if (manifestEntry == null) {
                throw new SnapshotCorrupt(archive + " has no " + SnapshotManifest.ENTRY);
            }
            SnapshotManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = SnapshotManifest.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            SnapshotReader reader = new SnapshotReader(archive, zip, manifest);
            reader.verify(progress);
            return reader;
        } catch (IOException e) {
            closeQuietly(zip);
            throw new SnapshotCorrupt(archive + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public SnapshotManifest manifest() {
        return manifest;
    }

    private void verify(SnapshotProgress progress) throws IOException {
        Map<String, String> expected = new HashMap<>();
        manifest.tables().forEach(t -> expected.put(t.entry(), t.sha256()));
        manifest.files().forEach(f -> expected.put(f.entry(), f.sha256()));
        progress.begin("verifying", expected.size());
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.getName().equals(SnapshotManifest.ENTRY)) {
                continue;
            }
            String sha = expected.get(entry.getName());
            if (sha == null) {
                throw new SnapshotCorrupt(entry.getName() + " is not listed in the manifest");
            }
            String actual;
            try (InputStream in = zip.getInputStream(entry)) {
                actual = Hashing.sha256(in);
            } catch (ZipException e) {
                throw new SnapshotCorrupt(entry.getName() + " cannot be read (" + e.getMessage() + ")");
            }
            if (!actual.equals(sha)) {
                throw new SnapshotCorrupt(entry.getName() + ": SHA-256 " + actual + " does not match the manifest's " + sha);
            }
            seen.add(entry.getName());
            progress.advance(1, entry.getName());
        }
        expected.keySet().stream().filter(e -> !seen.contains(e)).findFirst().ifPresent(missing -> {
            throw new SnapshotCorrupt(missing + " is listed in the manifest but missing from the archive");
        });
        progress.end(expected.size() + " entries match the manifest");
    }

    /** Loads the database; {@code jdbcUrl} must name an empty database (no tables). */
    public void restoreDatabase(String jdbcUrl, String user, String password, SnapshotProgress progress)
            throws SQLException, IOException {
        try (Connection db = java.sql.DriverManager.getConnection(jdbcUrl, user, password)) {
            if (tableCount(db) > 0) {
                throw new IllegalStateException("the target database is not empty (" + tableCount(db)
                        + " tables); restore only into a new data folder");
            }
        }
        migrateSchema(jdbcUrl, user, password);
        try (Connection db = java.sql.DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                Set<String> present = new HashSet<>();
                try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                Set<String> archived = new HashSet<>();
                manifest.tables().forEach(t -> archived.add(t.name()));
                if (!present.equals(archived)) {
                    throw new IllegalStateException("the schema built for version " + manifest.schemaVersion()
                            + " has different tables from the archive's (archive only: " + minus(archived, present)
                            + "; schema only: " + minus(present, archived) + ")");
                }
                s.execute("TRUNCATE " + String.join(", ", present.stream().map(SnapshotReader::quoted).toList()));
                progress.begin("restoring", manifest.tables().size());
                for (SnapshotManifest.Table table : manifest.tables()) {
                    long rows;
                    try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
                        rows = db.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("COPY " + quoted(table.name()) + " FROM STDIN (FORMAT binary)", in);
                    }
                    if (rows != table.rows()) {
                        throw new SnapshotCorrupt(table.entry() + " holds " + rows + " rows; the manifest says "
                                + table.rows());
                    }
                    progress.advance(1, table.name());
                }
                for (SnapshotManifest.Sequence sequence : manifest.sequences()) {
                    try (var ps = db.prepareStatement("SELECT setval(quote_ident(?), ?, true)")) {
                        ps.setString(1, sequence.name());
                        ps.setLong(2, sequence.lastValue());
                        ps.execute();
                    }
                }
            }
            db.commit();
        }
        progress.end(manifest.tables().size() + " tables, " + manifest.rows() + " rows");
    }

    /** Writes the stored files under {@code filesFolder}, checking each against the manifest again. */
    public void restoreFiles(Path filesFolder, SnapshotProgress progress) throws IOException {
        Path root = filesFolder.toAbsolutePath().normalize();
        progress.begin("files", manifest.files().size());
        for (SnapshotManifest.StoredFile file : manifest.files()) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root)) {
                throw new SnapshotCorrupt("file " + file.path() + " would be written outside " + root);
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(zip.getEntry(file.entry()));
                 OutputStream out = Files.newOutputStream(target)) {
                Hashing.Tee tee = new Hashing.Tee(out);
                in.transferTo(tee);
                tee.flush();
                if (!Hashing.hex(tee.digest).equals(file.sha256())) {
                    throw new SnapshotCorrupt(file.entry() + " changed while it was restored");
                }
            }
            progress.advance(1, file.path());
        }
        progress.end(manifest.files().size() + " files");
    }

    private void migrateSchema(String jdbcUrl, String user, String password) {
        Flyway flyway = Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration")
                .target(manifest.schemaVersion()).load();
        boolean known = false;
        for (MigrationInfo info : flyway.info().all()) {
            known |= info.getVersion() != null && info.getVersion().getVersion().equals(manifest.schemaVersion());
        }
        if (!known) {
            throw new IllegalStateException("the archive " + archivePath + " is at schema version "
                    + manifest.schemaVersion() + ", which this build of Custodian does not know; restore it with the"
                    + " build that wrote it or a newer one");
        }
        flyway.migrate();
    }

    private static int tableCount(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new java.util.TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing with the reason that matters
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
