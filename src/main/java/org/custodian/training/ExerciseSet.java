package org.custodian.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A set of exercises on one topic at one difficulty, and the trainees it is assigned to. */
public record ExerciseSet(UUID id, String name, String topic, Difficulty difficulty, String createdBy,
                          Instant createdAt, List<Exercise> exercises, List<String> trainees) {
    public ExerciseSet {
        exercises = List.copyOf(exercises);
        trainees = List.copyOf(trainees);
    }
}
