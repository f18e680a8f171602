package org.custodian.web;

/** The user's roles do not include this screen; shown as a 403 page. PHI denials are {@code PhiAccessDenied}. */
final class PageForbidden extends RuntimeException {
    PageForbidden(String message) {
        super(message, null, false, false);
    }
}
