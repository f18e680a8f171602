package org.custodian.retention;

import java.time.Instant;
import java.util.UUID;

/** A schedule as kept: for one record type, at one facility or (facilityId null) every facility. */
public record RetentionSchedule(UUID id, RecordType recordType, UUID facilityId, String facilityName,
                                RetentionRule rule, String basis, String updatedBy, Instant updatedAt) {
    public boolean isDefault() {
        return facilityId == null;
    }

    public String scope() {
        return facilityId == null ? "All facilities (default)" : facilityName;
    }
}
