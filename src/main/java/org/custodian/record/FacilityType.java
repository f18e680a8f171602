package org.custodian.record;

public enum FacilityType {
    HOSPITAL("Hospital"),
    PHYSICIAN_OFFICE("Physician office"),
    NURSING_HOME("Nursing home"),
    TRAINING("Training sandbox");

    private final String label;

    FacilityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
