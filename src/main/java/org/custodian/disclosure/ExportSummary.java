package org.custodian.disclosure;

import java.nio.file.Path;
import java.util.Map;

/** What a Safe Harbor export wrote: the folder and the rows in each file. */
public record ExportSummary(Path folder, String cohort, DateMode dateMode, Map<String, Long> rowsByFile) {
    public ExportSummary {
        rowsByFile = Map.copyOf(rowsByFile);
    }

    public long patients() {
        return rowsByFile.getOrDefault("patients.csv", 0L);
    }
}
