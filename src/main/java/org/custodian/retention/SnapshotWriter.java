package org.custodian.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * Writes a backup archive (zip): every table of the schema in PostgreSQL's binary COPY format, read
 * in one REPEATABLE READ read-only transaction so all tables come from the same instant (the
 * Flyway history and the audit chain included), the sequences' positions, then every stored file
 * under the files folder, and last the manifest with row counts and SHA-256 of every entry.
 * The identifier key (DATA/keys) is deliberately not included: it must be kept apart from the data.
 */
public final class SnapshotWriter {
    private SnapshotWriter() {
    }

    public static SnapshotManifest write(Connection db, Path filesFolder, Path archive, SnapshotProgress progress)
            throws IOException, SQLException {
        List<Path> files = storedFiles(filesFolder);
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        Files.createDirectories(archive.toAbsolutePath().getParent());
        SnapshotManifest manifest;
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setReadOnly(true);
            List<SnapshotManifest.Table> tables = new ArrayList<>();
            List<SnapshotManifest.Sequence> sequences;
            String schema;
            long auditSeq;
            String auditHash;
            try (Statement s = db.createStatement()) {
                List<String> names = strings(s, "SELECT quote_ident(tablename) FROM pg_tables"
                        + " WHERE schemaname = current_schema() ORDER BY tablename");
                progress.begin("backup", names.size() + files.size());
                schema = strings(s, "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1").getFirst();
                try (ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")) {
                    rs.next();
                    auditSeq = rs.getLong(1);
                    auditHash = rs.getString(2);
                }
                sequences = sequences(s);
                for (String table : names) {
                    tables.add(copyOut(db, zip, table));
                    progress.advance(1, table);
                }
            } finally {
                db.rollback();
                db.setReadOnly(false);
                db.setAutoCommit(autoCommit);
            }
            List<SnapshotManifest.StoredFile> stored = new ArrayList<>();
            for (Path file : files) {
                stored.add(addFile(zip, filesFolder, file));
                progress.advance(1, filesFolder.relativize(file).toString());
            }
            manifest = new SnapshotManifest(Instant.now().toString(), schema, auditSeq, auditHash, tables, sequences,
                    stored);
            zip.putNextEntry(new ZipEntry(SnapshotManifest.ENTRY));
            zip.write(manifest.write().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.end(manifest.tables().size() + " tables, " + manifest.rows() + " rows, " + manifest.files().size()
                + " files");
        return manifest;
    }

    private static SnapshotManifest.Table copyOut(Connection db, ZipOutputStream zip, String table)
            throws SQLException, IOException {
        String name = table.replace("\"", "");
        zip.putNextEntry(new ZipEntry("db/" + name + ".copy"));
        Hashing.Tee tee = new Hashing.Tee(zip);
        long rows = db.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", tee);
        tee.flush();
        zip.closeEntry();
        return new SnapshotManifest.Table(name, rows, Hashing.hex(tee.digest));
    }

    private static SnapshotManifest.StoredFile addFile(ZipOutputStream zip, Path folder, Path file) throws IOException {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        if (relative.contains("\t") || relative.contains("\n")) {
            throw new IOException("stored file name with a tab or line break cannot be backed up: " + relative);
        }
        zip.putNextEntry(new ZipEntry("files/" + relative));
        Hashing.Tee tee = new Hashing.Tee(zip);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tee);
        }
        zip.closeEntry();
        return new SnapshotManifest.StoredFile(relative, tee.bytes, Hashing.hex(tee.digest));
    }

    private static List<Path> storedFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list stored files under " + folder, e);
        }
    }

    private static List<SnapshotManifest.Sequence> sequences(Statement s) throws SQLException {
        List<SnapshotManifest.Sequence> sequences = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
                + " WHERE schemaname = current_schema() AND last_value IS NOT NULL ORDER BY sequencename")) {
            while (rs.next()) {
                sequences.add(new SnapshotManifest.Sequence(rs.getString(1), rs.getLong(2)));
            }
        }
        return sequences;
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
