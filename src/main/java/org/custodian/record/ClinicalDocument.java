package org.custodian.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A clinical document with all its versions, oldest first. The newest version is what the chart
 * shows; earlier versions stay readable. An addendum is a document of its own that points at the
 * document it adds to.
 */
public record ClinicalDocument(
        UUID id,
        UUID patientId,
        UUID encounterId,
        DocumentType type,
        UUID addendumTo,
        Instant createdAt,
        List<DocumentVersion> versions) {

    public ClinicalDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(type, "type");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one version");
        }
    }

    public DocumentVersion current() {
        return versions.getLast();
    }

    public boolean isEnteredInError() {
        return current().status() == DocumentStatus.ENTERED_IN_ERROR;
    }
}
