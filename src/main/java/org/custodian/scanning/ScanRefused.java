package org.custodian.scanning;

/** A request about a scan that cannot be carried out as asked; the message says what to change. */
public class ScanRefused extends IllegalArgumentException {
    public ScanRefused(String message) {
        super(message);
    }
}
