package org.custodian.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a trainer follows: each trainee's progress through a set and the mistakes trainees make most. */
@Service
public class TrainingReports {
    private final ExerciseRepository exercises;
    private final AttemptRepository attempts;
    private final TrainingAccess access;

    TrainingReports(ExerciseRepository exercises, AttemptRepository attempts, TrainingAccess access) {
        this.exercises = exercises;
        this.attempts = attempts;
        this.access = access;
    }

    /** One trainee's results on one set: an entry per exercise (null attempt: not started). */
    public record TraineeProgress(String trainee, List<Result> results) {
        public record Result(Exercise exercise, Attempt attempt) {
        }

        public long graded() {
            return results.stream().filter(r -> r.attempt() != null && r.attempt().graded()).count();
        }

        /** Mean percentage over graded exercises, or -1 when none is graded. */
        public int averagePercent() {
            return (int) Math.round(results.stream().filter(r -> r.attempt() != null && r.attempt().graded())
                    .mapToInt(r -> r.attempt().grade().percent()).average().orElse(-1));
        }
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<TraineeProgress> progress(CustodianUser trainer, UUID setId) {
        access.require(trainer, Permission.MANAGE_TRAINING, "training results");
        ExerciseSet set = exercises.set(setId).orElseThrow(() -> new TrainingNotFound("there is no exercise set " + setId));
        Map<String, Map<UUID, Attempt>> byTrainee = attempts.forSet(setId).stream().collect(Collectors.groupingBy(
                Attempt::trainee, Collectors.toMap(Attempt::exerciseId, a -> a)));
        List<TraineeProgress> progress = new ArrayList<>();
        for (String trainee : set.trainees()) {
            Map<UUID, Attempt> theirs = byTrainee.getOrDefault(trainee, Map.of());
            progress.add(new TraineeProgress(trainee, set.exercises().stream()
                    .map(x -> new TraineeProgress.Result(x, theirs.get(x.id()))).toList()));
        }
        access.record(trainer, AuditAction.READ, AuditOutcome.SUCCESS, null, setId.toString(),
                "progress of " + progress.size() + " trainees on set '" + set.name() + "'");
        return progress;
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<CommonMistake> commonMistakes(CustodianUser trainer, UUID setId, int limit) {
        access.require(trainer, Permission.MANAGE_TRAINING, "training results");
        return attempts.mistakes(setId, limit);
    }
}
