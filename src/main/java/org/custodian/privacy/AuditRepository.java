package org.custodian.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record Head(long seq, String hash) {
    }

    /** Locks the chain's head until the caller's transaction ends, so appends happen one at a time. */
    Head lockHead() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** Inserts events already linked to each other and moves the head to the last one. */
    void appendAll(List<AuditEvent> events, List<String> previousHashes) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            rows.add(new Object[] {e.seq(), Timestamp.from(e.occurredAt()), e.username(), e.roles(),
                e.action().name(), e.outcome().name(), e.patientId(), e.resourceType(), e.resourceId(), e.detail(),
                e.clientAddress(), previousHashes.get(i), e.hash()});
        }
        template.batchUpdate("""
                INSERT INTO audit_event (seq, occurred_at, username, roles, action, outcome, patient_id,
                    resource_type, resource_id, detail, client_address, prev_hash, hash)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows);
        AuditEvent last = events.getLast();
        template.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", last.seq(), last.hash());
    }

    /** Streams every event in chain order; each row comes with the previous hash it claims. */
    void forEachInOrder(Consumer<StoredLink> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
        streaming.setFetchSize(2000);
        streaming.query("SELECT * FROM audit_event ORDER BY seq", rs -> {
            consumer.accept(new StoredLink(map(rs, 0), rs.getString("prev_hash")));
        });
    }

    record StoredLink(AuditEvent event, String previousHash) {
    }

    AuditPage search(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.username() != null) {
            where.append(" AND username = ?");
            args.add(q.username());
        }
        if (q.patientId() != null) {
            where.append(" AND patient_id = ?");
            args.add(q.patientId());
        }
        if (q.action() != null) {
            where.append(" AND action = ?");
            args.add(q.action().name());
        }
        if (q.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        Long total = template.queryForObject("SELECT count(*) FROM audit_event" + where, Long.class, args.toArray());
        String order = " ORDER BY " + q.sort().column + (q.ascending() ? " ASC" : " DESC")
                + ", seq" + (q.ascending() ? " ASC" : " DESC");
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<AuditEvent> events = template.query("SELECT * FROM audit_event" + where + order + " LIMIT ? OFFSET ?",
                AuditRepository::map, pageArgs.toArray());
        return new AuditPage(events, q.page(), q.size(), total == null ? 0 : total);
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("username"), rs.getString("roles"), AuditAction.valueOf(rs.getString("action")),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getObject("patient_id", UUID.class),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("hash"));
    }
}
