package org.custodian.record;

import java.util.UUID;

/** A requested change to a document that the record's rules do not allow (e.g. signing a retracted note). */
public final class DocumentChangeException extends RuntimeException {
    private final UUID documentId;

    public DocumentChangeException(UUID documentId, String message) {
        super("document " + documentId + ": " + message);
        this.documentId = documentId;
    }

    public UUID documentId() {
        return documentId;
    }
}
