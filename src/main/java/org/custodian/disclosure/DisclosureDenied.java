package org.custodian.disclosure;

import org.springframework.security.access.AccessDeniedException;

/** The access policy refused a release-of-information action; the denial has been audited. */
public final class DisclosureDenied extends AccessDeniedException {
    DisclosureDenied(String reason) {
        super("access denied: " + reason);
    }
}
