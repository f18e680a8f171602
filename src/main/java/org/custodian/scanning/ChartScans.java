package org.custodian.scanning;

import java.util.List;
import java.util.UUID;

/** The scans filed to one patient's chart, newest document first. */
public record ChartScans(UUID patientId, String patientLabel, List<Scan> scans) {
    public ChartScans {
        scans = List.copyOf(scans);
    }
}
