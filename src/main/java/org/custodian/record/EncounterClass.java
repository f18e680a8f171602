package org.custodian.record;

public enum EncounterClass {
    INPATIENT("Inpatient"),
    OUTPATIENT("Outpatient"),
    EMERGENCY("Emergency"),
    SNF("Skilled nursing"),
    OBSERVATION("Observation");

    private final String label;

    EncounterClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
