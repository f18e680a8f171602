package org.custodian.terminology;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** Releases and their codes in PostgreSQL; codes go in by COPY, in the caller's transaction. */
@Repository
class ReleaseRepository {
    private static final String RELEASE_COLUMNS = "id, code_system, version, effective_from, effective_to, source_file,"
            + " source_sha256, code_count, billable_count";
    private static final int COPY_CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ReleaseRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Serialises loads across processes until the transaction ends. */
    void lockForLoad() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('custodian.terminology.load'))").query(Integer.class).single();
    }

    List<Release> releases() {
        return jdbc.sql("SELECT " + RELEASE_COLUMNS + " FROM terminology_release ORDER BY code_system, effective_from")
                .query(ReleaseRepository::release).list();
    }

    Optional<Release> find(CodeSystem system, LocalDate effectiveFrom) {
        return jdbc.sql("SELECT " + RELEASE_COLUMNS + " FROM terminology_release WHERE code_system = ? AND effective_from = ?")
                .params(system.name(), effectiveFrom).query(ReleaseRepository::release).optional();
    }

    Optional<Release> previous(CodeSystem system, LocalDate before) {
        return jdbc.sql("SELECT " + RELEASE_COLUMNS + " FROM terminology_release WHERE code_system = ?"
                        + " AND effective_from < ? ORDER BY effective_from DESC LIMIT 1")
                .params(system.name(), before).query(ReleaseRepository::release).optional();
    }

    Release insert(ParsedRelease parsed, LoadListener listener) {
        long id = jdbc.sql("INSERT INTO terminology_release (code_system, version, effective_from, effective_to,"
                        + " source_file, source_sha256, code_count, billable_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(parsed.system().name(), parsed.version(), parsed.effectiveFrom(), parsed.effectiveTo(),
                        parsed.sourceFile(), parsed.sha256(), parsed.codes().size(), parsed.billableCount())
                .query(Long.class).single();
        copyCodes(id, parsed, listener);
        // fresh statistics, or the planner takes a table of 100,000 new rows for empty and compares releases by nested loops
        jdbc.sql("ANALYZE terminology_code").update();
        return new Release(id, parsed.system(), parsed.version(), parsed.effectiveFrom(), parsed.effectiveTo(),
                parsed.sourceFile(), parsed.sha256(), parsed.codes().size(), parsed.billableCount());
    }

    private void copyCodes(long releaseId, ParsedRelease parsed, LoadListener listener) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY terminology_code (release_id, code, seq, billable, short_description, long_description,"
                    + " valid_from, valid_to) FROM STDIN";
            List<MedicalCode> codes = parsed.codes();
            for (int start = 0; start < codes.size(); start += COPY_CHUNK) {
                int end = Math.min(codes.size(), start + COPY_CHUNK);
                StringBuilder rows = new StringBuilder((end - start) * 160);
                for (int i = start; i < end; i++) {
                    MedicalCode c = codes.get(i);
                    rows.append(releaseId).append('\t').append(c.code()).append('\t').append(i + 1).append('\t')
                            .append(c.billable() ? 't' : 'f').append('\t');
                    escape(rows, c.shortDescription()).append('\t');
                    escape(rows, c.longDescription()).append('\t')
                            .append(c.validFrom() == null ? "\\N" : c.validFrom()).append('\t')
                            .append(c.validTo() == null ? "\\N" : c.validTo()).append('\n');
                }
                copy.copyIn(sql, new StringReader(rows.toString()));
                listener.progress(parsed.sourceFile(), end, codes.size());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of " + parsed.sourceFile() + " into terminology_code failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static StringBuilder escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** Codes of {@code current} absent from {@code previous}, or the reverse, in tabular order. */
    List<String> codesMissingFrom(long present, long absent) {
        return jdbc.sql("SELECT n.code FROM terminology_code n WHERE n.release_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM terminology_code o WHERE o.release_id = ? AND o.code = n.code) ORDER BY n.seq")
                .params(present, absent).query(String.class).list();
    }

    /** Codes in both releases whose description or billable flag differ. */
    List<String> revisedCodes(long previous, long current) {
        return jdbc.sql("SELECT n.code FROM terminology_code n JOIN terminology_code o ON o.code = n.code AND o.release_id = ?"
                        + " WHERE n.release_id = ? AND (o.long_description <> n.long_description"
                        + " OR o.short_description <> n.short_description OR o.billable <> n.billable) ORDER BY n.seq")
                .params(previous, current).query(String.class).list();
    }

    List<MedicalCode> codes(Release release) {
        return jdbc.sql("SELECT code, billable, short_description, long_description, valid_from, valid_to"
                        + " FROM terminology_code WHERE release_id = ? ORDER BY seq")
                .param(release.id())
                .query((rs, n) -> new MedicalCode(release.system(), rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        rs.getString(4), localDate(rs.getDate(5)), localDate(rs.getDate(6))))
                .list();
    }

    /** Every release of a system that lists the code, with whether it was billable there. */
    List<Listing> listings(CodeSystem system, String code) {
        return jdbc.sql("SELECT r." + RELEASE_COLUMNS.replace(", ", ", r.") + ", c.billable FROM terminology_code c"
                        + " JOIN terminology_release r ON r.id = c.release_id WHERE c.code = ? AND r.code_system = ?"
                        + " ORDER BY r.effective_from")
                .params(code, system.name())
                .query((rs, n) -> new Listing(release(rs, n), rs.getBoolean(10))).list();
    }

    record Listing(Release release, boolean billable) {
    }

    private static Release release(ResultSet rs, int row) throws SQLException {
        return new Release(rs.getLong(1), CodeSystem.valueOf(rs.getString(2)), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getInt(9));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
