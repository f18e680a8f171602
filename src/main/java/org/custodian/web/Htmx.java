package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The few htmx request and response headers the screens use. */
final class Htmx {
    static final String REQUEST = "HX-Request";
    static final String HISTORY_RESTORE = "HX-History-Restore-Request";

    private Htmx() {
    }

    /** An htmx request that wants a fragment; a history restore wants the whole page. */
    static boolean isPartial(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST)) && !"true".equals(request.getHeader(HISTORY_RESTORE));
    }

    /** Makes htmx load {@code path} as a full page rather than swapping a response into the current one. */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setHeader("HX-Redirect", request.getContextPath() + path);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
