package org.custodian.disclosure;

/** A request, amendment or packet named by id does not exist. */
public final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message, null, false, false);
    }
}
