package org.custodian.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** What an error page says: a status, a heading and a sentence written for the user, never exception text. */
record ErrorPage(HttpStatus status, String heading, String message, String reference) {

    static ErrorPage badRequest(String message) {
        return new ErrorPage(HttpStatus.BAD_REQUEST, "Please check what you entered", message, null);
    }

    static ErrorPage forbidden(String message) {
        return new ErrorPage(HttpStatus.FORBIDDEN, "Access denied", message, null);
    }

    static ErrorPage notFound(String message) {
        return new ErrorPage(HttpStatus.NOT_FOUND, "Not found", message, null);
    }

    static ErrorPage failure(String reference) {
        return new ErrorPage(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The page could not be shown because of a problem on our side. Try again in a moment. "
                        + "If it happens again, tell your support team this reference.", reference);
    }

    /** For statuses without a page of their own (405, 413, 503, ...). */
    static ErrorPage of(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> badRequest("The request was not understood. Go back and try again.");
            case UNAUTHORIZED, FORBIDDEN -> forbidden("You do not have access to this page.");
            case NOT_FOUND -> notFound("There is no page at this address.");
            case CONTENT_TOO_LARGE -> new ErrorPage(status, "File too large", "The upload is larger than Custodian "
                    + "accepts, so nothing was stored. The upload page shows the size limit; scan the paper into smaller "
                    + "files (for example one per section) and upload them again.", null);
            default -> new ErrorPage(status, status.is5xxServerError() ? "Something went wrong" : "Request not accepted",
                    "The request could not be completed (" + status.value() + " " + status.getReasonPhrase()
                            + "). Go back and try again.", null);
        };
    }

    ModelAndView view(Viewer viewer) {
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("error", this);
        view.addObject("viewer", viewer);
        return view;
    }
}
