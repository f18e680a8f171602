package org.custodian.terminology;

import java.util.Objects;

/**
 * One entry of an edit file: a code without dot (or a range such as {@code A00-A09} for notes on a
 * tabular chapter or section), the list it is on, its text and the source line.
 */
record EditEntry(EditList list, String code, String detail, int line) {
    EditEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
