package org.custodian.training;

/** The set, exercise or attempt named does not exist, or is not this trainee's. */
public final class TrainingNotFound extends RuntimeException {
    TrainingNotFound(String message) {
        super(message, null, false, false);
    }
}
