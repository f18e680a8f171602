package org.custodian.record;

import java.time.Instant;
import java.util.UUID;

/** One immutable version of a document; signing, editing or retracting adds a version. */
public record DocumentVersion(
        int version,
        DocumentStatus status,
        String title,
        String body,
        UUID authorId,
        Instant signedAt,
        UUID signedBy,
        String changeReason,
        Provenance provenance) {

    public DocumentVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("document title is required");
        }
        body = body == null ? "" : body;
        if (status.isAuthenticated() && signedAt == null) {
            throw new IllegalArgumentException(status + " version needs a signature time");
        }
    }
}
