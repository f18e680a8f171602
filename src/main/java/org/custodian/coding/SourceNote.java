package org.custodian.coding;

import java.util.Objects;

/** A note to read for codes: where it comes from (a document id or file name) and its plain text. */
public record SourceNote(String source, String text) {
    public SourceNote {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
