package org.custodian.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A diagnosis or problem; on an encounter it may carry a sequence, principal flag and POA indicator. */
public record Diagnosis(
        UUID id,
        UUID patientId,
        UUID encounterId,
        CodedValue code,
        PresentOnAdmission poa,
        Integer sequence,
        boolean principal,
        Instant onsetAt,
        Instant resolvedAt) {

    public Diagnosis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(code, "code");
    }

    /** UB-04 present-on-admission indicator. */
    public enum PresentOnAdmission { Y, N, U, W, EXEMPT }
}
