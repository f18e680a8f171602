package org.custodian.interop.hl7v2;

/**
 * Thrown while mapping a message to abandon it (and roll back its transaction); caught in one
 * place, {@link Hl7Inbox}, and turned into {@link Hl7Outcome.Rejected}.
 */
final class Hl7Rejection extends RuntimeException {
    private final transient Hl7Outcome.Rejected rejected;

    Hl7Rejection(ErrorCode code, Location location, String message) {
        super(location + ": " + message, null, false, false);
        this.rejected = new Hl7Outcome.Rejected(code, location, message);
    }

    Hl7Outcome.Rejected rejected() {
        return rejected;
    }
}
