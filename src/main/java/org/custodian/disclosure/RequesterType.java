package org.custodian.disclosure;

/** Who asks for the record. */
public enum RequesterType {
    PATIENT("Patient"),
    PERSONAL_REPRESENTATIVE("Personal representative"),
    ATTORNEY("Attorney"),
    INSURER("Insurer"),
    PROVIDER("Another provider"),
    LAW_ENFORCEMENT("Law enforcement"),
    PUBLIC_HEALTH("Public health authority"),
    COURT("Court (order or subpoena)"),
    RESEARCHER("Researcher"),
    EMPLOYER("Employer"),
    OTHER("Other");

    private final String label;

    RequesterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The patient or someone standing in their shoes: a right-of-access request (164.524). */
    public boolean isThePatient() {
        return this == PATIENT || this == PERSONAL_REPRESENTATIVE;
    }
}
