package org.custodian.disclosure;

/** The kinds of PHI the scrubber finds in free text; each has the placeholder that replaces it. */
public enum PhiType {
    NAME, DATE, ADDRESS, PHONE, FAX, EMAIL, MRN, SSN, ACCOUNT, LICENSE, URL, IP, AGE, ID;

    /** The typed placeholder, e.g. {@code [NAME]}. */
    public String placeholder() {
        return "[" + name() + "]";
    }
}
