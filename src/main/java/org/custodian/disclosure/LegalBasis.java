package org.custodian.disclosure;

/**
 * Why a disclosure is lawful, which decides whether an authorization is needed, whether minimum
 * necessary applies, and whether the disclosure appears in the patient's accounting (164.528).
 */
public enum LegalBasis {
    /** 164.524: to the patient or their representative. No authorization, not accounted. */
    RIGHT_OF_ACCESS("Right of access (164.524)", false, false),
    /** Treatment, payment, operations: no authorization, not accounted. */
    TPO("Treatment, payment or operations", false, false),
    /** 164.508: a valid authorization; not accounted. */
    AUTHORIZATION("Authorization (164.508)", true, false),
    /** 164.512: required or permitted by law without authorization; accounted. */
    REQUIRED_BY_LAW("Required or permitted by law (164.512)", false, true);

    private final String label;
    private final boolean needsAuthorization;
    private final boolean accountable;

    LegalBasis(String label, boolean needsAuthorization, boolean accountable) {
        this.label = label;
        this.needsAuthorization = needsAuthorization;
        this.accountable = accountable;
    }

    public static LegalBasis of(RequesterType requester, Purpose purpose) {
        if (requester.isThePatient()) {
            return RIGHT_OF_ACCESS;
        }
        if (purpose.isTpo()) {
            return TPO;
        }
        if (purpose.isRequiredOrPermittedByLaw()) {
            return REQUIRED_BY_LAW;
        }
        return AUTHORIZATION;
    }

    public String label() {
        return label;
    }

    public boolean needsAuthorization() {
        return needsAuthorization;
    }

    public boolean accountable() {
        return accountable;
    }
}
