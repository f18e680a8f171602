package org.custodian.scanning;

import java.util.List;

/** One scan as its page shows it: the scan, the chart and encounter it is filed to, and its indexing history. */
public record ScanView(Scan scan, String patientLabel, EncounterChoice encounter, List<IndexStep> history) {
    public ScanView {
        history = List.copyOf(history);
    }
}
