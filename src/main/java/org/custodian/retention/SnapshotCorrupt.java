package org.custodian.retention;

/** A backup archive that is damaged or was changed after it was written: restore refuses it. */
public final class SnapshotCorrupt extends RuntimeException {
    SnapshotCorrupt(String message) {
        super("backup archive corrupt or tampered with: " + message);
    }
}
