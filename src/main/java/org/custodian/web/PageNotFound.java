package org.custodian.web;

/** The thing a URL names does not exist (or is not this patient's); shown as a 404 page. */
final class PageNotFound extends RuntimeException {
    PageNotFound(String message) {
        super(message, null, false, false);
    }
}
