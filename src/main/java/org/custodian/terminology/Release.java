package org.custodian.terminology;

import java.time.LocalDate;
import java.util.Objects;

/** One loaded release of a code system, in force from {@code effectiveFrom} to {@code effectiveTo} inclusive. */
public record Release(long id, CodeSystem system, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
                      String sourceFile, String sha256, int codeCount, int billableCount) {
    public Release {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        if (effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("release " + version + " ends before it starts");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && !date.isAfter(effectiveTo);
    }

    /** "ICD-10-CM FY2026 (2025-10-01 to 2026-09-30)". */
    public String label() {
        return system.title() + " " + version + " (" + effectiveFrom + " to " + effectiveTo + ")";
    }
}
