package org.custodian.terminology;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A code as a release lists it: {@code code} without dot; billable (valid for HIPAA transactions) or
 * a header; HCPCS codes may carry their own start and termination dates ({@code validFrom/validTo}, or null).
 */
public record MedicalCode(CodeSystem system, String code, boolean billable, String shortDescription,
                          String longDescription, LocalDate validFrom, LocalDate validTo) {
    public MedicalCode {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(shortDescription, "shortDescription");
        Objects.requireNonNull(longDescription, "longDescription");
        if (code == null || code.isEmpty() || !code.equals(CodeSystem.normalize(code))) {
            throw new IllegalArgumentException("code must be upper case without dot or space: '" + code + "'");
        }
    }

    public String display() {
        return system.display(code);
    }

    /** Whether the code's own dates (HCPCS) allow it on this date; ICD codes have none. */
    public boolean inEffectOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
