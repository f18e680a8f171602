package org.custodian.terminology;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** Edit files and their entries in PostgreSQL; entries go in by COPY, in the caller's transaction. */
@Repository
class EditFileRepository {
    private static final String COLUMNS = "id, kind, version, effective_from, effective_to, source_file, source_sha256";
    private static final int COPY_CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    EditFileRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    List<EditFile> files() {
        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        jdbc.sql("SELECT file_id, list, count(*) FROM terminology_edit_entry GROUP BY file_id, list")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return jdbc.sql("SELECT " + COLUMNS + " FROM terminology_edit_file ORDER BY kind, effective_from")
                .query((rs, n) -> file(rs, counts.getOrDefault(rs.getLong(1), Map.of()))).list();
    }

    Optional<EditFile> find(EditFileKind kind, String version) {
        return files().stream().filter(f -> f.kind() == kind && f.version().equals(version)).findFirst();
    }

    EditFile insert(ParsedEditFile parsed, LoadListener listener) {
        long id = jdbc.sql("INSERT INTO terminology_edit_file (kind, version, effective_from, effective_to, source_file,"
                        + " source_sha256, entry_count) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(parsed.kind().name(), parsed.version(), parsed.effectiveFrom(), parsed.effectiveTo(),
                        parsed.sourceFile(), parsed.sha256(), parsed.entries().size())
                .query(Long.class).single();
        copyEntries(id, parsed, listener);
        return new EditFile(id, parsed.kind(), parsed.version(), parsed.effectiveFrom(), parsed.effectiveTo(),
                parsed.sourceFile(), parsed.sha256(), parsed.counts());
    }

    private void copyEntries(long fileId, ParsedEditFile parsed, LoadListener listener) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY terminology_edit_entry (file_id, seq, list, code, detail, line) FROM STDIN";
            List<EditEntry> entries = parsed.entries();
            for (int start = 0; start < entries.size(); start += COPY_CHUNK) {
                int end = Math.min(entries.size(), start + COPY_CHUNK);
                StringBuilder rows = new StringBuilder((end - start) * 100);
                for (int i = start; i < end; i++) {
                    EditEntry e = entries.get(i);
                    rows.append(fileId).append('\t').append(i + 1).append('\t').append(e.list().name()).append('\t');
                    ReleaseRepository.escape(rows, e.code()).append('\t');
                    ReleaseRepository.escape(rows, e.detail()).append('\t').append(e.line()).append('\n');
                }
                copy.copyIn(sql, new StringReader(rows.toString()));
                listener.progress(parsed.sourceFile(), end, entries.size());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of " + parsed.sourceFile() + " into terminology_edit_entry failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    List<EditEntry> entries(EditFile file) {
        List<EditEntry> entries = new ArrayList<>(file.entryCount());
        jdbc.sql("SELECT list, code, detail, line FROM terminology_edit_entry WHERE file_id = ? ORDER BY seq")
                .param(file.id())
                .query(rs -> {
                    entries.add(new EditEntry(EditList.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4)));
                });
        return entries;
    }

    private static EditFile file(ResultSet rs, Map<String, Integer> counts) throws SQLException {
        return new EditFile(rs.getLong(1), EditFileKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), counts);
    }
}
