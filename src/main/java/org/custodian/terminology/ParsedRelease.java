package org.custodian.terminology;

import java.time.LocalDate;
import java.util.List;

/** A release file read and checked in memory, ready to store: codes in file order. */
record ParsedRelease(CodeSystem system, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
                     String sourceFile, String sha256, List<MedicalCode> codes) implements ParsedFile {
    ParsedRelease {
        codes = List.copyOf(codes);
    }

    int billableCount() {
        return (int) codes.stream().filter(MedicalCode::billable).count();
    }
}
