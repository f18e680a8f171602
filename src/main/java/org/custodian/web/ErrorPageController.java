package org.custodian.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages for failures outside any controller: the servlet container's error dispatch (replacing
 * Spring Boot's whitelabel controller) and Spring Security's access-denied forward.
 */
@Controller
class ErrorPageController implements org.springframework.boot.webmvc.error.ErrorController {
    static final String DENIED = "/denied";
    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final Viewers viewers;
    private final AuditTrail audit;

    ErrorPageController(Viewers viewers, AuditTrail audit) {
        this.viewers = viewers;
        this.audit = audit;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, Authentication user) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Failure outside the web controllers on {}, reference {}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), reference,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            return ErrorPage.failure(reference).view(viewers.of(user));
        }
        return ErrorPage.of(status).view(viewers.of(user));
    }

    /**
     * Spring Security forwards here when it refuses a request, with the reason as a request attribute.
     * The refusal is audited like the modules' own: who, which address, and why.
     */
    @RequestMapping(DENIED)
    ModelAndView denied(HttpServletRequest request, Authentication user) {
        boolean forged = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
        if (user != null && user.getPrincipal() instanceof CustodianUser custodianUser) {
            Object address = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
            audit.record(new AuditEntry(custodianUser.getUsername(), custodianUser.rolesText(),
                    "GET".equals(request.getMethod()) ? AuditAction.READ : AuditAction.UPDATE, AuditOutcome.DENIED,
                    null, "WebPage", address == null ? request.getRequestURI() : address.toString(),
                    forged ? "refused: the form came without a valid CSRF token"
                            : "refused: role " + custodianUser.rolesText() + " does not allow this address",
                    request.getRemoteAddr()));
        }
        if (forged) {
            return ErrorPage.forbidden("This form has expired or did not come from this site. "
                    + "Go back, reload the page and try again.").view(viewers.of(user));
        }
        return ErrorPage.forbidden("You do not have access to this page.").view(viewers.of(user));
    }
}
