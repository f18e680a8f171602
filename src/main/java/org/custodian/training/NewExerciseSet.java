package org.custodian.training;

import java.util.Objects;

/** A set a trainer creates: a name, the topic it trains (e.g. "Respiratory", "Sequencing") and its difficulty. */
public record NewExerciseSet(String name, String topic, Difficulty difficulty) {
    public NewExerciseSet {
        name = required(name, "name", 120);
        topic = required(topic, "topic", 80);
        Objects.requireNonNull(difficulty, "difficulty");
    }

    static String required(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the set's " + field + " is required");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("the set's " + field + " is longer than " + max + " characters");
        }
        return text;
    }
}
