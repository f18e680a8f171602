package org.custodian.quality;

/** Told how far a full scan has come; {@code total} is the number of patients. */
@FunctionalInterface
public interface ScanProgress {
    ScanProgress NONE = (done, total, findings) -> { };

    void checked(int done, int total, int findings);
}
