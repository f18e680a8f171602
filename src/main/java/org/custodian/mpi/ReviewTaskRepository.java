package org.custodian.mpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReviewTaskRepository {
    private final JdbcClient jdbc;

    ReviewTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Proposes a pair unless it was proposed before (whatever became of it); true when new. */
    boolean propose(UUID a, UUID b, double weight, int pattern, MatchDecision decision, String source) {
        // PostgreSQL orders uuids by unsigned bytes (Java's compareTo does not), so the database orders the pair
        String reason = decision instanceof MatchDecision.Review review ? review.reason() : null;
        return jdbc.sql("""
                INSERT INTO mpi_review_task (id, patient_a, patient_b, weight, pattern, decision, reason, source, status)
                VALUES (:id, least(:a::uuid, :b::uuid), greatest(:a::uuid, :b::uuid), :w, :p, :d, :reason, :source, 'OPEN') ON CONFLICT (patient_a, patient_b) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("a", a).param("b", b).param("w", weight).param("p", pattern)
                .param("d", decision.code()).param("reason", reason).param("source", source).update() == 1;
    }

    /** The status of every pair proposed before among these patients, keyed by the pair (either order). */
    java.util.Map<java.util.Set<UUID>, ReviewStatus> decisionsAmong(java.util.Collection<UUID> ids) {
        java.util.Map<java.util.Set<UUID>, ReviewStatus> out = new java.util.HashMap<>();
        UUID[] array = ids.toArray(UUID[]::new);
        jdbc.sql("SELECT patient_a, patient_b, status FROM mpi_review_task WHERE patient_a = ANY(:ids) AND patient_b = ANY(:ids)")
                .param("ids", array).query(rs -> {
                    out.put(java.util.Set.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            ReviewStatus.valueOf(rs.getString(3)));
                });
        return out;
    }

    List<ReviewTask> waiting(int limit) {
        return jdbc.sql("""
                SELECT * FROM mpi_review_task WHERE status IN ('OPEN', 'DEFERRED')
                 ORDER BY status = 'DEFERRED', weight DESC, created_at LIMIT :n""")
                .param("n", limit).query(ReviewTaskRepository::map).list();
    }

    long countWaiting() {
        return jdbc.sql("SELECT count(*) FROM mpi_review_task WHERE status IN ('OPEN', 'DEFERRED')")
                .query(Long.class).single();
    }

    Optional<ReviewTask> find(UUID id) {
        return jdbc.sql("SELECT * FROM mpi_review_task WHERE id = :id").param("id", id)
                .query(ReviewTaskRepository::map).optional();
    }

    void decide(UUID id, ReviewStatus status, String by) {
        jdbc.sql("UPDATE mpi_review_task SET status = :s, decided_at = now(), decided_by = :by WHERE id = :id")
                .param("id", id).param("s", status.name()).param("by", by).update();
    }

    void closePair(UUID x, UUID y, ReviewStatus status, String by) {
        jdbc.sql("""
                UPDATE mpi_review_task SET status = :s, decided_at = now(), decided_by = :by
                 WHERE patient_a = least(:x, :y) AND patient_b = greatest(:x, :y)""")
                .param("x", x).param("y", y).param("s", status.name()).param("by", by).update();
    }

    private static ReviewTask map(ResultSet rs, int row) throws SQLException {
        return new ReviewTask(rs.getObject("id", UUID.class), rs.getObject("patient_a", UUID.class),
                rs.getObject("patient_b", UUID.class), rs.getDouble("weight"), rs.getInt("pattern"),
                rs.getString("decision"), rs.getString("reason"), rs.getString("source"),
                ReviewStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
