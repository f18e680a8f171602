package org.custodian.terminology;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An edit file read and checked in memory, ready to store. */
record ParsedEditFile(EditFileKind kind, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
                      String sourceFile, String sha256, List<EditEntry> entries) implements ParsedFile {
    ParsedEditFile {
        entries = List.copyOf(entries);
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.list().name(), 1, Integer::sum));
        return counts;
    }
}
