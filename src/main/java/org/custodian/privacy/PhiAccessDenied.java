package org.custodian.privacy;

/** A user asked for PHI the access policy does not allow; the denial has been audited. */
public final class PhiAccessDenied extends RuntimeException {
    private final String reason;

    PhiAccessDenied(String reason) {
        super("access denied: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
