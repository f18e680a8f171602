package org.custodian.scanning;

/** Why a QA reviewer says a scan is indexed wrongly. */
public enum FlagReason {
    WRONG_PATIENT("Wrong patient"),
    WRONG_ENCOUNTER("Wrong encounter"),
    WRONG_TYPE("Wrong document type");

    private final String label;

    FlagReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
