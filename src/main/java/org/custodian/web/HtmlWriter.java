package org.custodian.web;

import org.unbescape.html.HtmlEscape;

/**
 * Markup written straight from Java, for long tables where an expression per cell would cost more
 * than the rest of the page. Every value goes through {@link #text} or {@link #attribute}, which
 * escape as Thymeleaf's {@code th:text} does; only the fixed tag names come in unescaped.
 */
final class HtmlWriter {
    private final StringBuilder html;

    HtmlWriter() {
        this(8192);
    }

    HtmlWriter(int capacity) {
        html = new StringBuilder(capacity);
    }

    /** Opens a tag, with a class attribute when {@code cssClass} is not empty. */
    HtmlWriter open(String tag, String cssClass) {
        html.append('<').append(tag);
        if (cssClass != null && !cssClass.isEmpty()) {
            attribute("class", cssClass);
        }
        return this;
    }

    HtmlWriter open(String tag) {
        return open(tag, null);
    }

    /** An attribute of the tag just opened (none when the value is null); call {@link #body} after the last one. */
    HtmlWriter attribute(String name, String value) {
        if (value == null) {
            return this;
        }
        html.append(' ').append(name).append("=\"").append(HtmlEscape.escapeHtml4Xml(value)).append('"');
        return this;
    }

    /** Ends the opening tag, so text and children may follow. */
    HtmlWriter body() {
        html.append('>');
        return this;
    }

    HtmlWriter text(String value) {
        html.append(HtmlEscape.escapeHtml4Xml(value == null ? "" : value));
        return this;
    }

    /** Fixed markup written as it is: constants of the page, or HTML another writer built and escaped. */
    HtmlWriter markup(String html) {
        this.html.append(html);
        return this;
    }

    HtmlWriter close(String tag) {
        html.append("</").append(tag).append('>');
        return this;
    }

    /** A whole element holding only text: {@code <tag class="...">text</tag>}. */
    HtmlWriter element(String tag, String cssClass, String value) {
        return open(tag, cssClass).body().text(value).close(tag);
    }

    HtmlWriter element(String tag, String value) {
        return element(tag, null, value);
    }

    HtmlWriter newline() {
        html.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
