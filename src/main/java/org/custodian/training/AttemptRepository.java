package org.custodian.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.coding.CodedLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Trainees' attempts at exercises and the findings of their grades. */
@Repository
class AttemptRepository {
    private final JdbcClient jdbc;

    AttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID exerciseId, String trainee, UUID encounterId) {
        jdbc.sql("""
                INSERT INTO training_attempt (id, exercise_id, trainee, encounter_id, started_at)
                VALUES (:id, :x, :t, :e, now())""")
                .param("id", id).param("x", exerciseId).param("t", trainee).param("e", encounterId).update();
    }

    Optional<Attempt> find(UUID id) {
        return jdbc.sql("SELECT * FROM training_attempt WHERE id = :id").param("id", id)
                .query((rs, i) -> attempt(rs)).optional();
    }

    Optional<Attempt> find(UUID exerciseId, String trainee) {
        return jdbc.sql("SELECT * FROM training_attempt WHERE exercise_id = :x AND trainee = :t")
                .param("x", exerciseId).param("t", trainee).query((rs, i) -> attempt(rs)).optional();
    }

    /** Locks the attempt row so two submissions of one attempt grade it once. */
    Optional<Attempt> lock(UUID id) {
        return jdbc.sql("SELECT * FROM training_attempt WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, i) -> attempt(rs)).optional();
    }

    List<Attempt> forSet(UUID setId) {
        return jdbc.sql("""
                SELECT a.* FROM training_attempt a JOIN training_exercise x ON x.id = a.exercise_id
                 WHERE x.set_id = :s ORDER BY a.trainee, x.position""")
                .param("s", setId).query((rs, i) -> attempt(rs)).list();
    }

    void saveGrade(UUID attemptId, Grade grade) {
        jdbc.sql("UPDATE training_attempt SET graded_at = now(), score = :s, max_score = :m WHERE id = :id")
                .param("s", grade.score()).param("m", grade.maxScore()).param("id", attemptId).update();
        int position = 1;
        for (Finding f : grade.findings()) {
            jdbc.sql("""
                    INSERT INTO training_finding (attempt_id, position, kind, code_kind, expected, given, points, explanation)
                    VALUES (:a, :p, :k, :ck, :e, :g, :pts, :x)""")
                    .param("a", attemptId).param("p", position++).param("k", f.kind().name())
                    .param("ck", f.codeKind().name()).param("e", f.expected()).param("g", f.given())
                    .param("pts", f.points()).param("x", f.explanation()).update();
        }
    }

    /** Differences found across all graded attempts of a set, most frequent first. */
    List<CommonMistake> mistakes(UUID setId, int limit) {
        return jdbc.sql("""
                SELECT f.kind, coalesce(f.expected, f.given) AS code, count(*) AS times,
                       count(DISTINCT a.trainee) AS trainees
                  FROM training_finding f JOIN training_attempt a ON a.id = f.attempt_id
                  JOIN training_exercise x ON x.id = a.exercise_id
                 WHERE x.set_id = :s AND f.kind <> 'EXACT'
                 GROUP BY f.kind, coalesce(f.expected, f.given)
                 ORDER BY times DESC, trainees DESC, code LIMIT :n""")
                .param("s", setId).param("n", limit)
                .query((rs, i) -> new CommonMistake(Finding.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getInt("times"), rs.getInt("trainees")))
                .list();
    }

    private Attempt attempt(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Grade grade = null;
        if (rs.getObject("graded_at") != null) {
            List<Finding> findings = jdbc.sql("SELECT * FROM training_finding WHERE attempt_id = :a ORDER BY position")
                    .param("a", id)
                    .query((r, i) -> new Finding(Finding.Kind.valueOf(r.getString("kind")),
                            CodedLine.Kind.valueOf(r.getString("code_kind")), r.getString("expected"),
                            r.getString("given"), r.getInt("points"), r.getString("explanation")))
                    .list();
            grade = new Grade(findings, rs.getInt("score"), rs.getInt("max_score"));
        }
        return new Attempt(id, rs.getObject("exercise_id", UUID.class), rs.getString("trainee"),
                rs.getObject("encounter_id", UUID.class), ExerciseRepository.instant(rs, "started_at"),
                ExerciseRepository.instant(rs, "graded_at"), grade);
    }
}
