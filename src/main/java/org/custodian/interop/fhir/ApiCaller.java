package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user an API request was authenticated as (HTTP Basic, by the /fhir security chain). */
final class ApiCaller {
    private ApiCaller() {
    }

    static CustodianUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CustodianUser user) {
            return user;
        }
        throw new AuthenticationException("sign in with HTTP Basic to use this API");
    }
}
