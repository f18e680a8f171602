package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.PhiAccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where this module's failures become pages: bad input 400 with the validation
 * message, denial 403, missing 404, anything else 500 with a reference to find the logged cause.
 */
@ControllerAdvice(basePackageClasses = ErrorPages.class)
@Order(0) // ahead of any catch-all advice another module may add
class ErrorPages {
    static final String PATIENT_DENIED = "You do not have access to this patient's record.";
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Viewers viewers;

    ErrorPages(Viewers viewers) {
        this.viewers = viewers;
    }

    /**
     * Privacy has already audited the denial. The page shows the checks the policy made (worded so
     * they disclose nothing sensitive) and, where the policy allows, the break-the-glass form.
     */
    @ExceptionHandler(PhiAccessDenied.class)
    ModelAndView phiDenied(PhiAccessDenied denied, Authentication user) {
        ModelAndView view = ErrorPage.forbidden(PATIENT_DENIED).view(viewers.of(user));
        view.setViewName("privacy/denied");
        view.addObject("steps", denied.steps());
        view.addObject("emergencyPatient", denied.emergencyAccess() ? denied.patientId() : null);
        view.addObject("minReason", org.custodian.privacy.BreakGlass.MIN_REASON);
        return view;
    }

    @ExceptionHandler(org.custodian.coding.CodingDenied.class)
    ModelAndView codingDenied(org.custodian.coding.CodingDenied denied, Authentication user) {
        return ErrorPage.forbidden(denied.getMessage()).view(viewers.of(user));
    }

    @ExceptionHandler(org.custodian.scanning.ScanNotAllowed.class)
    ModelAndView scanNotAllowed(org.custodian.scanning.ScanNotAllowed denied, Authentication user) {
        return ErrorPage.forbidden(denied.getMessage()).view(viewers.of(user));
    }

    @ExceptionHandler(PageForbidden.class)
    ModelAndView forbidden(PageForbidden forbidden, Authentication user) {
        return ErrorPage.forbidden(forbidden.getMessage()).view(viewers.of(user));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView accessDenied(AccessDeniedException denied, Authentication user) {
        return ErrorPage.forbidden("You do not have access to this page.").view(viewers.of(user));
    }

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(PageNotFound missing, Authentication user) {
        return ErrorPage.notFound(missing.getMessage()).view(viewers.of(user));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noPage(NoResourceFoundException missing, Authentication user) {
        return ErrorPage.of(HttpStatus.NOT_FOUND).view(viewers.of(user));
    }

    /** A malformed id in the address names nothing (404); a malformed query parameter is bad input (400). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException mismatch, Authentication user) {
        if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return ErrorPage.notFound("There is no record at this address. Check the link and try again.")
                    .view(viewers.of(user));
        }
        return ErrorPage.badRequest("The value given for '" + mismatch.getName() + "' is not valid.")
                .view(viewers.of(user));
    }

    /** Value records say what is wrong with an input in their constructors; that sentence is for the user. */
    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badInput(IllegalArgumentException invalid, Authentication user) {
        return ErrorPage.badRequest(sentence(invalid.getMessage())).view(viewers.of(user));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(Exception failure, Authentication user) {
        if (failure instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            return ErrorPage.of(HttpStatus.valueOf(known.getStatusCode().value())).view(viewers.of(user));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected failure, reference {}", reference, failure);
        return ErrorPage.failure(reference).view(viewers.of(user));
    }

    /** "name is longer than 100 characters" reads "Name is longer than 100 characters." */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Some of what you entered is not valid.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
