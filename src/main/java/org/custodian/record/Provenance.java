package org.custodian.record;

import java.time.Instant;
import java.util.Objects;

/** Where a clinical fact came from: the sending system, its message or bundle id, when and by whom. */
public record Provenance(String sourceSystem, String sourceRef, Instant receivedAt, String recordedBy) {
    public Provenance {
        requireText(sourceSystem, "sourceSystem");
        requireText(recordedBy, "recordedBy");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static Provenance now(String sourceSystem, String sourceRef, String recordedBy) {
        return new Provenance(sourceSystem, sourceRef, Instant.now(), recordedBy);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
