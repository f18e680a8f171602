package org.custodian.coding;

/** The user's role or facility scope does not allow this coding action; the denial has been audited. */
public final class CodingDenied extends RuntimeException {
    CodingDenied(String message) {
        super(message, null, false, false);
    }
}
