package org.custodian.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sandbox loads and their progress ({@code training_sandbox_load}); each write commits on its own. */
@Repository
class SandboxLoadRepository {
    private final JdbcClient jdbc;

    SandboxLoadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a running load; false when another one is running (one at a time). */
    boolean insert(UUID id, String requestedBy, int patients, long seed) {
        return jdbc.sql("""
                        INSERT INTO training_sandbox_load (id, requested_by, patients, seed, status, phase, done, total,
                                                           started_at)
                        VALUES (:id, :by, :n, :seed, 'RUNNING', 'starting Synthea', 0, :n, now())
                        ON CONFLICT DO NOTHING""")
                .param("id", id).param("by", requestedBy).param("n", patients).param("seed", seed).update() == 1;
    }

    /** A load left running by a server that stopped can never finish: it is marked failed. */
    int failAbandoned(java.util.Collection<UUID> runningHere) {
        return jdbc.sql("""
                        UPDATE training_sandbox_load SET status = 'FAILED', finished_at = now(),
                               problem = 'interrupted: the server stopped during the load'
                         WHERE status = 'RUNNING' AND NOT (id = ANY(:here::uuid[]))""")
                .param("here", runningHere.stream().map(UUID::toString)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .update();
    }

    void progress(UUID id, String phase, long done, long total) {
        jdbc.sql("UPDATE training_sandbox_load SET phase = :p, done = :d, total = :t WHERE id = :id AND status = 'RUNNING'")
                .param("p", phase).param("d", done).param("t", total).param("id", id).update();
    }

    void finished(UUID id, SandboxFiller.Filled filled) {
        jdbc.sql("""
                        UPDATE training_sandbox_load SET status = 'DONE', phase = 'done', done = total, finished_at = now(),
                               loaded = :l, already_loaded = :a, rejected = :r WHERE id = :id""")
                .param("l", filled.loaded()).param("a", filled.alreadyLoaded()).param("r", filled.rejected())
                .param("id", id).update();
    }

    void failed(UUID id, String problem) {
        jdbc.sql("UPDATE training_sandbox_load SET status = 'FAILED', finished_at = now(), problem = :p WHERE id = :id")
                .param("p", problem).param("id", id).update();
    }

    Optional<SandboxLoad> find(UUID id) {
        return jdbc.sql("SELECT * FROM training_sandbox_load WHERE id = :id").param("id", id).query(this::load).optional();
    }

    Optional<SandboxLoad> latest() {
        return jdbc.sql("SELECT * FROM training_sandbox_load ORDER BY started_at DESC LIMIT 1").query(this::load).optional();
    }

    private SandboxLoad load(ResultSet rs, int row) throws SQLException {
        return new SandboxLoad(rs.getObject("id", UUID.class), rs.getString("requested_by"), rs.getInt("patients"),
                rs.getLong("seed"), SandboxLoad.Status.valueOf(rs.getString("status")), rs.getString("phase"),
                rs.getLong("done"), rs.getLong("total"), (Integer) rs.getObject("loaded"),
                (Integer) rs.getObject("already_loaded"), (Integer) rs.getObject("rejected"), rs.getString("problem"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
