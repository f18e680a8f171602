package org.custodian.scanning;

/** The user's role does not include this scanning work (indexing or QA). */
public final class ScanNotAllowed extends RuntimeException {
    public ScanNotAllowed(String message) {
        super(message);
    }
}
