package org.custodian.training;

/** The user's role does not allow this training action; already audited. */
public final class TrainingDenied extends RuntimeException {
    TrainingDenied(String message) {
        super(message, null, false, false);
    }
}
