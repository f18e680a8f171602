package org.custodian.disclosure;

/** The grounds on which 164.526(a)(2) lets a covered entity deny an amendment. */
public enum DenialBasis {
    NOT_CREATED_HERE("The information was not created by us, and its originator is available to act on the request."),
    NOT_IN_RECORD_SET("The information is not part of the designated record set."),
    NOT_ACCESSIBLE("The information is not available for inspection under 164.524."),
    ACCURATE_AND_COMPLETE("The information is accurate and complete.");

    private final String reason;

    DenialBasis(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
