package org.custodian.scanning;

import java.util.List;
import java.util.UUID;

/** A chart an indexer or reviewer has chosen to file a scan to: whose it is and its encounters, newest first. */
public record ChartChoice(UUID patientId, String label, List<EncounterChoice> encounters) {
    public ChartChoice {
        encounters = List.copyOf(encounters);
    }
}
