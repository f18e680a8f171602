package org.custodian.record;

import java.util.Objects;
import java.util.UUID;

/** A hospital, physician office or nursing home sharing this installation; it assigns its own MRNs. */
public record Facility(UUID id, String code, String name, FacilityType type, String city, String state) {
    public Facility {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("facility code must be 1-32 of A-Z, 0-9, '-' or '_': " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("facility name is required");
        }
    }
}
