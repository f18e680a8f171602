package org.custodian.record;

import java.util.Objects;
import java.util.UUID;

/** A medical record number, meaningful only together with the facility that assigned it. */
public record Mrn(UUID facilityId, String value) {
    public Mrn {
        Objects.requireNonNull(facilityId, "facilityId");
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("MRN must be 1-64 characters");
        }
        value = value.trim();
    }
}
