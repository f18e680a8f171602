package org.custodian.terminology;

/** Official files that hold coding rules rather than a code set. */
public enum EditFileKind {
    TABULAR("ICD-10-CM tabular list"),
    CM_ADDENDA("ICD-10-CM order addenda"),
    PCS_ADDENDA("ICD-10-PCS order addenda"),
    POA_EXEMPT("ICD-10-CM POA-exempt list"),
    MCE("Medicare Code Editor definitions");

    private final String title;

    EditFileKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
