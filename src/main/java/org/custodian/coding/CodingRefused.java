package org.custodian.coding;

/** A coding action that the case's state or the input does not allow, with a sentence saying why. */
public final class CodingRefused extends IllegalArgumentException {
    CodingRefused(String message) {
        super(message);
    }
}
