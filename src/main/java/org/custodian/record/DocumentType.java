package org.custodian.record;

public enum DocumentType {
    HISTORY_AND_PHYSICAL("History and physical"),
    PROGRESS_NOTE("Progress note"),
    DISCHARGE_SUMMARY("Discharge summary"),
    OPERATIVE_REPORT("Operative report"),
    CONSULTATION("Consultation"),
    EMERGENCY_NOTE("Emergency department note"),
    NURSING_NOTE("Nursing note"),
    ADDENDUM("Addendum"),
    OTHER("Other document");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
