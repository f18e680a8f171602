package org.custodian.disclosure;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client's address on a web request, for the audit trail; null (recorded as local) otherwise. */
final class Origin {
    private Origin() {
    }

    static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
