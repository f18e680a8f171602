package org.custodian.training;

/** How hard an exercise set is, from first weeks on the job to credential-exam level. */
public enum Difficulty {
    BEGINNER("Beginner"), INTERMEDIATE("Intermediate"), ADVANCED("Advanced");

    private final String label;

    Difficulty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
