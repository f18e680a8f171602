package org.custodian.retention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of contents of a backup archive (MANIFEST.tsv, tab-separated, one item a line): the
 * schema version, the audit-chain head at the snapshot, every table with its row count and the
 * SHA-256 of its data, every sequence's position, and every stored file with its size and SHA-256.
 */
public record SnapshotManifest(String createdAt, String schemaVersion, long auditSeq, String auditHash,
                               List<Table> tables, List<Sequence> sequences, List<StoredFile> files) {
    static final String ENTRY = "MANIFEST.tsv";
    static final String FORMAT = "custodian-backup\t1";

    public record Table(String name, long rows, String sha256) {
        String entry() {
            return "db/" + name + ".copy";
        }
    }

    public record Sequence(String name, long lastValue) {
    }

    public record StoredFile(String path, long bytes, String sha256) {
        String entry() {
            return "files/" + path;
        }
    }

    public SnapshotManifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        files = List.copyOf(files);
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    String write() {
        StringBuilder b = new StringBuilder(FORMAT).append('\n');
        b.append("created\t").append(createdAt).append('\n');
        b.append("schema\t").append(schemaVersion).append('\n');
        b.append("audit-head\t").append(auditSeq).append('\t').append(auditHash).append('\n');
        tables.forEach(t -> b.append("table\t").append(t.name()).append('\t').append(t.rows()).append('\t')
                .append(t.sha256()).append('\n'));
        sequences.forEach(s -> b.append("sequence\t").append(s.name()).append('\t').append(s.lastValue()).append('\n'));
        files.forEach(f -> b.append("file\t").append(f.path()).append('\t').append(f.bytes()).append('\t')
                .append(f.sha256()).append('\n'));
        return b.toString();
    }

    static SnapshotManifest read(String text) {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<StoredFile> files = new ArrayList<>();
        String created = null;
        String schema = null;
        long auditSeq = -1;
        String auditHash = null;
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String first = lines.readLine();
            if (!FORMAT.equals(first)) {
                throw new SnapshotCorrupt(ENTRY + " line 1: not a Custodian backup manifest (expected '"
                        + FORMAT.replace('\t', ' ') + "')");
            }
            int n = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                n++;
                String[] f = line.split("\t", -1);
                try {
                    switch (f[0]) {
                        case "created" -> created = f[1];
                        case "schema" -> schema = f[1];
                        case "audit-head" -> {
                            auditSeq = Long.parseLong(f[1]);
                            auditHash = f[2];
                        }
                        case "table" -> tables.add(new Table(f[1], Long.parseLong(f[2]), f[3]));
                        case "sequence" -> sequences.add(new Sequence(f[1], Long.parseLong(f[2])));
                        case "file" -> files.add(new StoredFile(f[1], Long.parseLong(f[2]), f[3]));
                        default -> throw new SnapshotCorrupt(ENTRY + " line " + n + ": unknown item '" + f[0] + "'");
                    }
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                    throw new SnapshotCorrupt(ENTRY + " line " + n + ": malformed '" + f[0] + "' line");
                }
            }
        } catch (IOException e) {
            throw new SnapshotCorrupt(ENTRY + ": unreadable");
        }
        if (schema == null || auditHash == null || tables.isEmpty()) {
            throw new SnapshotCorrupt(ENTRY + ": schema version, audit head or tables missing");
        }
        return new SnapshotManifest(created, schema, auditSeq, auditHash, tables, sequences, files);
    }
}
