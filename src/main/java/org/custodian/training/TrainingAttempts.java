package org.custodian.training;

import java.util.List;
import java.util.UUID;
import org.custodian.coding.CodedLine;
import org.custodian.coding.CodingPass;
import org.custodian.coding.CodingWork;
import org.custodian.coding.EncounterCoding;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.Encounter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trainee's side: start an exercise (a copy of its encounter to code in the real coding screen),
 * submit it (which finalises the coding as a coder would) for grading, and read the grade. A trainer reads any attempt's grade.
 */
@Service
public class TrainingAttempts {
    private final ExerciseRepository exercises;
    private final AttemptRepository attempts;
    private final TrainingSandbox sandbox;
    private final CodingWork coding;
    private final TrainingAccess access;

    TrainingAttempts(ExerciseRepository exercises, AttemptRepository attempts, TrainingSandbox sandbox,
                     CodingWork coding, TrainingAccess access) {
        this.exercises = exercises;
        this.attempts = attempts;
        this.sandbox = sandbox;
        this.coding = coding;
        this.access = access;
    }

    /** The trainee's attempt at the exercise, started now (with its own copy of the encounter) if new. */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public Attempt start(CustodianUser trainee, UUID exerciseId) {
        access.require(trainee, Permission.TAKE_TRAINING, "training exercises");
        Exercise exercise = exercises.exercise(exerciseId)
                .filter(x -> exercises.isAssigned(x.setId(), trainee.getUsername()))
                .orElseThrow(() -> new TrainingNotFound("no exercise " + exerciseId + " is assigned to you"));
        return attempts.find(exerciseId, trainee.getUsername()).orElseGet(() -> {
            Encounter copy = sandbox.copyForAttempt(exercise.sourceEncounterId(), trainee.getUsername());
            UUID id = UUID.randomUUID();
            attempts.insert(id, exerciseId, trainee.getUsername(), copy.id());
            access.record(trainee, AuditAction.CREATE, AuditOutcome.SUCCESS, copy.patientId(), id.toString(),
                    "exercise '" + exercise.title() + "' started on sandbox encounter copy " + copy.id());
            return attempts.find(id).orElseThrow();
        });
    }

    /**
     * Finalises the trainee's copy through the real coding finalise path (a clean edit check, or
     * failing edits overridden with {@code overrideReason}, kept with the edits as for any coder),
     * then grades its codes against the key. A case the trainee already finalised is graded as it
     * stands; a graded attempt stays as graded. Failing edits without a reason are refused with the
     * edits named ({@link org.custodian.coding.CodingRefused}), and nothing is graded.
     */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public Attempt submit(CustodianUser trainee, UUID attemptId, String overrideReason) {
        access.require(trainee, Permission.TAKE_TRAINING, "training exercises");
        Attempt attempt = attempts.lock(attemptId).filter(a -> a.trainee().equals(trainee.getUsername()))
                .orElseThrow(() -> new TrainingNotFound("you have no exercise attempt " + attemptId));
        if (attempt.graded()) {
            return attempt;
        }
        EncounterCoding coded = coding.open(trainee, attempt.encounterId(), CodingPass.PRIMARY);
        if (coded.lines().isEmpty()) {
            throw new IllegalArgumentException("code the encounter in the coding screen before submitting it");
        }
        if (coded.status().editable()) {
            coding.finalise(trainee, attempt.encounterId(), overrideReason);
            coded = coding.open(trainee, attempt.encounterId(), CodingPass.PRIMARY);
        }
        Exercise exercise = exercises.exercise(attempt.exerciseId()).orElseThrow();
        Grade grade = Grader.grade(exercise.key(), coded.lines().stream().map(TrainingAttempts::answer).toList());
        attempts.saveGrade(attemptId, grade);
        access.record(trainee, AuditAction.UPDATE, AuditOutcome.SUCCESS, coded.patient().id(), attemptId.toString(),
                "exercise '" + exercise.title() + "' graded " + grade.score() + "/" + grade.maxScore() + " ("
                        + grade.differences().size() + " differences from the key)");
        return attempts.find(attemptId).orElseThrow();
    }

    /** An attempt with its exercise, for its trainee or a trainer. */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public AttemptView view(CustodianUser user, UUID attemptId) {
        Attempt attempt = attempts.find(attemptId).orElseThrow(() -> new TrainingNotFound("no attempt " + attemptId));
        if (!attempt.trainee().equals(user.getUsername())) {
            access.require(user, Permission.MANAGE_TRAINING, "reading other trainees' results");
        }
        Exercise exercise = exercises.exercise(attempt.exerciseId()).orElseThrow();
        return new AttemptView(attempt, exercise, attempt.graded() || user.can(Permission.MANAGE_TRAINING)
                ? exercise.key() : List.of());
    }

    /** The trainee's attempts at the exercises of a set, by exercise. */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public java.util.Map<UUID, Attempt> mine(CustodianUser trainee, ExerciseSet set) {
        java.util.Map<UUID, Attempt> found = new java.util.HashMap<>();
        for (Exercise exercise : set.exercises()) {
            attempts.find(exercise.id(), trainee.getUsername()).ifPresent(a -> found.put(exercise.id(), a));
        }
        return found;
    }

    /** An attempt as its page shows it: the key only once graded (or to a trainer). */
    public record AttemptView(Attempt attempt, Exercise exercise, List<AnswerLine> key) {
    }

    private static AnswerLine answer(CodedLine line) {
        return new AnswerLine(line.kind(), line.code(), line.description(), line.principal(), line.poa());
    }
}
