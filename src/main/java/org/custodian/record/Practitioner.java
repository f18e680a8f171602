package org.custodian.record;

import java.util.Objects;
import java.util.UUID;

/** A physician or other clinician who attends encounters and authors documents. */
public record Practitioner(UUID id, String npi, String given, String family) {
    public Practitioner {
        Objects.requireNonNull(id, "id");
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("practitioner family name is required");
        }
        given = given == null ? "" : given;
    }

    public String displayName() {
        return given.isEmpty() ? family : given + " " + family;
    }
}
