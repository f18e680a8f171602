package org.custodian.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A lab result or vital sign, keyed by LOINC, with its reference range and abnormal flag. */
public record Observation(
        UUID id,
        UUID patientId,
        UUID encounterId,
        String loincCode,
        String display,
        BigDecimal valueNumeric,
        String valueText,
        String unit,
        BigDecimal referenceLow,
        BigDecimal referenceHigh,
        AbnormalFlag abnormalFlag,
        Instant observedAt) {

    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(observedAt, "observedAt");
        if (loincCode == null || loincCode.isBlank()) {
            throw new IllegalArgumentException("observation code is required");
        }
        display = display == null ? loincCode : display;
        if (abnormalFlag == null) {
            abnormalFlag = AbnormalFlag.derive(valueNumeric, referenceLow, referenceHigh);
        }
    }

    public boolean isAbnormal() {
        return abnormalFlag != null && abnormalFlag != AbnormalFlag.N;
    }

    /** HL7 table 0078 subset: low, high, critically low/high, abnormal, normal. */
    public enum AbnormalFlag {
        L, H, LL, HH, A, N;

        static AbnormalFlag derive(BigDecimal value, BigDecimal low, BigDecimal high) {
            if (value == null || (low == null && high == null)) {
                return null;
            }
            if (low != null && value.compareTo(low) < 0) {
                return L;
            }
            if (high != null && value.compareTo(high) > 0) {
                return H;
            }
            return N;
        }
    }
}
