package org.custodian.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.coding.CodedLine;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exercise sets, their exercises with answer keys, and who each set is assigned to. */
@Repository
class ExerciseRepository {
    private final JdbcClient jdbc;

    ExerciseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertSet(UUID id, NewExerciseSet set, String actor) {
        jdbc.sql("""
                INSERT INTO training_set (id, name, topic, difficulty, created_by, created_at)
                VALUES (:id, :n, :t, :d, :by, now())""")
                .param("id", id).param("n", set.name()).param("t", set.topic()).param("d", set.difficulty().name())
                .param("by", actor).update();
    }

    void insertExercise(UUID id, UUID setId, NewExercise exercise, String actor) {
        jdbc.sql("""
                INSERT INTO training_exercise (id, set_id, source_encounter_id, title, position, created_by, created_at)
                VALUES (:id, :s, :e, :t,
                        (SELECT coalesce(max(position), 0) + 1 FROM training_exercise WHERE set_id = :s), :by, now())""")
                .param("id", id).param("s", setId).param("e", exercise.sourceEncounterId()).param("t", exercise.title())
                .param("by", actor).update();
        int position = 1;
        for (AnswerLine line : exercise.key()) {
            jdbc.sql("""
                    INSERT INTO training_key_line (exercise_id, position, kind, code, description, principal, poa)
                    VALUES (:x, :p, :k, :c, :d, :pr, :poa)""")
                    .param("x", id).param("p", position++).param("k", line.kind().name()).param("c", line.code())
                    .param("d", line.description()).param("pr", line.principal())
                    .param("poa", line.poa() == null ? null : line.poa().name()).update();
        }
    }

    /** Assigns the set; returns false when it was assigned to the trainee already. */
    boolean assign(UUID setId, String trainee, String actor) {
        return jdbc.sql("""
                INSERT INTO training_assignment (set_id, trainee, assigned_by, assigned_at) VALUES (:s, :t, :by, now())
                ON CONFLICT DO NOTHING""")
                .param("s", setId).param("t", trainee).param("by", actor).update() == 1;
    }

    List<ExerciseSet> sets() {
        return jdbc.sql("SELECT * FROM training_set ORDER BY created_at DESC, name")
                .query((rs, i) -> set(rs)).list();
    }

    List<ExerciseSet> assignedTo(String trainee) {
        return jdbc.sql("""
                SELECT s.* FROM training_set s JOIN training_assignment a ON a.set_id = s.id
                 WHERE a.trainee = :t ORDER BY a.assigned_at, s.name""")
                .param("t", trainee).query((rs, i) -> set(rs)).list();
    }

    Optional<ExerciseSet> set(UUID id) {
        return jdbc.sql("SELECT * FROM training_set WHERE id = :id").param("id", id)
                .query((rs, i) -> set(rs)).optional();
    }

    Optional<Exercise> exercise(UUID id) {
        return jdbc.sql("SELECT * FROM training_exercise WHERE id = :id").param("id", id)
                .query((rs, i) -> exerciseRow(rs)).optional()
                .map(e -> new Exercise(e.id(), e.setId(), e.sourceEncounterId(), e.title(), e.position(), key(e.id())));
    }

    boolean isAssigned(UUID setId, String trainee) {
        return jdbc.sql("SELECT count(*) FROM training_assignment WHERE set_id = :s AND trainee = :t")
                .param("s", setId).param("t", trainee).query(Integer.class).single() > 0;
    }

    private ExerciseSet set(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Exercise> exercises = jdbc.sql("SELECT * FROM training_exercise WHERE set_id = :s ORDER BY position")
                .param("s", id).query((r, i) -> exerciseRow(r)).list().stream()
                .map(e -> new Exercise(e.id(), e.setId(), e.sourceEncounterId(), e.title(), e.position(), key(e.id())))
                .toList();
        List<String> trainees = jdbc.sql("SELECT trainee FROM training_assignment WHERE set_id = :s ORDER BY trainee")
                .param("s", id).query(String.class).list();
        return new ExerciseSet(id, rs.getString("name"), rs.getString("topic"),
                Difficulty.valueOf(rs.getString("difficulty")), rs.getString("created_by"),
                instant(rs, "created_at"), exercises, trainees);
    }

    private static Exercise exerciseRow(ResultSet rs) throws SQLException {
        return new Exercise(rs.getObject("id", UUID.class), rs.getObject("set_id", UUID.class),
                rs.getObject("source_encounter_id", UUID.class), rs.getString("title"), rs.getInt("position"), List.of());
    }

    private List<AnswerLine> key(UUID exerciseId) {
        return jdbc.sql("SELECT * FROM training_key_line WHERE exercise_id = :x ORDER BY position")
                .param("x", exerciseId)
                .query((rs, i) -> new AnswerLine(CodedLine.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getString("description"), rs.getBoolean("principal"),
                        rs.getString("poa") == null ? null : PresentOnAdmission.valueOf(rs.getString("poa"))))
                .list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
