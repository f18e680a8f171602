package org.custodian.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record Procedure(UUID id, UUID patientId, UUID encounterId, CodedValue code, Instant performedAt) {
    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(code, "code");
    }
}
