package org.custodian.disclosure;

/** What the information is for, as the request states it. */
public enum Purpose {
    TREATMENT("Treatment"),
    PAYMENT("Payment"),
    OPERATIONS("Health care operations"),
    PERSONAL_USE("At the patient's request / personal use"),
    LEGAL("Legal proceedings"),
    INSURANCE("Insurance application or claim"),
    LAW_ENFORCEMENT("Law enforcement (164.512(f))"),
    PUBLIC_HEALTH("Public health (164.512(b))"),
    JUDICIAL("Court order or subpoena (164.512(e))"),
    RESEARCH("Research"),
    EMPLOYMENT("Employment"),
    OTHER("Other");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isTpo() {
        return this == TREATMENT || this == PAYMENT || this == OPERATIONS;
    }

    /** Disclosures the law requires or permits without authorization (164.512), which must be accounted for. */
    public boolean isRequiredOrPermittedByLaw() {
        return this == LAW_ENFORCEMENT || this == PUBLIC_HEALTH || this == JUDICIAL;
    }
}
