package org.custodian.terminology;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One loaded edit file (tabular list, addenda, POA-exempt list, MCE definitions), in force from
 * {@code effectiveFrom} to {@code effectiveTo}; {@code counts} is the number of entries per list.
 */
public record EditFile(long id, EditFileKind kind, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
                       String sourceFile, String sha256, Map<String, Integer> counts) {
    public EditFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        counts = Map.copyOf(counts);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && !date.isAfter(effectiveTo);
    }

    public int entryCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "Medicare Code Editor definitions v43.1 (2026-04-01 to 2026-09-30)". */
    public String label() {
        return kind.title() + " " + version + " (" + effectiveFrom + " to " + effectiveTo + ")";
    }
}
