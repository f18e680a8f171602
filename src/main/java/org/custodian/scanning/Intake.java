package org.custodian.scanning;

/** What became of a received file: stored as a scan, or refused with the reason. */
public sealed interface Intake {
    record Accepted(Scan scan) implements Intake {
    }

    record Rejected(RejectedScan rejected) implements Intake {
    }
}
