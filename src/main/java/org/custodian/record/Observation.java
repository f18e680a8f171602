package org.custodian.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A lab result or vital sign, keyed by LOINC, with its reference range, abnormal flag and status. */
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
        Instant observedAt,
        Status status) {

    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(observedAt, "observedAt");
        if (loincCode == null || loincCode.isBlank()) {
            throw new IllegalArgumentException("observation code is required");
        }
        display = display == null ? loincCode : display;
        status = status == null ? Status.FINAL : status;
        if (abnormalFlag == null) {
            abnormalFlag = AbnormalFlag.derive(valueNumeric, referenceLow, referenceHigh);
        }
    }

    /** A final result. */
    public Observation(UUID id, UUID patientId, UUID encounterId, String loincCode, String display,
                       BigDecimal valueNumeric, String valueText, String unit, BigDecimal referenceLow,
                       BigDecimal referenceHigh, AbnormalFlag abnormalFlag, Instant observedAt) {
        this(id, patientId, encounterId, loincCode, display, valueNumeric, valueText, unit, referenceLow, referenceHigh,
                abnormalFlag, observedAt, Status.FINAL);
    }

    public Observation withStatus(Status newStatus) {
        return new Observation(id, patientId, encounterId, loincCode, display, valueNumeric, valueText, unit,
                referenceLow, referenceHigh, abnormalFlag, observedAt, newStatus);
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

    /** The result's status, FHIR's observation-status value set (HL7 v2 OBX-11 maps onto it). */
    public enum Status {
        REGISTERED("registered"), PRELIMINARY("preliminary"), FINAL("final"), AMENDED("amended"),
        CORRECTED("corrected"), CANCELLED("cancelled"), ENTERED_IN_ERROR("entered-in-error"), UNKNOWN("unknown");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        /** The FHIR code, e.g. {@code entered-in-error}. */
        public String code() {
            return code;
        }

        /** The status with this FHIR code; empty for a code outside the value set. */
        public static java.util.Optional<Status> ofCode(String code) {
            return java.util.Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }
}
