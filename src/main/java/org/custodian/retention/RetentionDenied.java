package org.custodian.retention;

import org.springframework.security.access.AccessDeniedException;

/** The access policy refused a retention action; the denial has been audited. */
public final class RetentionDenied extends AccessDeniedException {
    RetentionDenied(String reason) {
        super("access denied: " + reason);
    }
}
