package org.custodian.transcription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.custodian.record.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transcription templates, one per document type. */
@Repository
class TemplateRepository {
    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DocumentTemplate> all() {
        return jdbc.sql("SELECT * FROM transcription_template").query(TemplateRepository::row).list().stream()
                .sorted(java.util.Comparator.comparing(t -> t.type().ordinal())).toList();
    }

    Optional<DocumentTemplate> find(DocumentType type) {
        return jdbc.sql("SELECT * FROM transcription_template WHERE document_type = :t").param("t", type.name())
                .query(TemplateRepository::row).optional();
    }

    void save(DocumentType type, String title, String body, String username, Instant at) {
        jdbc.sql("""
                INSERT INTO transcription_template (document_type, title, body, updated_by, updated_at)
                VALUES (:t, :title, :body, :u, :at)
                ON CONFLICT (document_type) DO UPDATE SET title = :title, body = :body, updated_by = :u, updated_at = :at""")
                .param("t", type.name()).param("title", title).param("body", body).param("u", username)
                .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).update();
    }

    private static DocumentTemplate row(ResultSet rs, int n) throws SQLException {
        return new DocumentTemplate(DocumentType.valueOf(rs.getString("document_type")), rs.getString("title"),
                rs.getString("body"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
