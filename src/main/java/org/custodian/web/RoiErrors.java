package org.custodian.web;

import org.custodian.disclosure.NotFound;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A release request, amendment or packet that does not exist is a 404 page, like any other missing thing. */
@ControllerAdvice(basePackageClasses = RoiErrors.class)
@Order(-1)
class RoiErrors {
    private final Viewers viewers;

    RoiErrors(Viewers viewers) {
        this.viewers = viewers;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound missing, Authentication user) {
        return ErrorPage.notFound("There is nothing at this address: " + missing.getMessage() + ".")
                .view(viewers.of(user));
    }
}
