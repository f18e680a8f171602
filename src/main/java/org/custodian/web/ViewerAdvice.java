package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every full page of this module, for the shared header. */
@ControllerAdvice(basePackageClasses = ViewerAdvice.class)
class ViewerAdvice {
    private final Viewers viewers;

    ViewerAdvice(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal CustodianUser user, HttpServletRequest request) {
        // Fragments have no header; skip the facility lookup for them.
        return user == null || Htmx.isPartial(request) ? null : viewers.of(user);
    }
}
