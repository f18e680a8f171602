package org.custodian.scanning;

/** Where a scan is in its work: waiting for an indexer, waiting for QA, flagged as mis-indexed, or confirmed. */
public enum ScanStatus {
    UNINDEXED("Not indexed"),
    INDEXED("Awaiting QA"),
    FLAGGED("Flagged"),
    CONFIRMED("Confirmed");

    private final String label;

    ScanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
