package org.custodian.privacy;

import java.util.EnumSet;
import java.util.Set;

/**
 * A sensitivity label on a patient, an encounter or a document, and the purposes for which a user
 * without a treating relationship may still read what it covers. A treating clinician on an open
 * encounter may always read for treatment; anyone else denied may break the glass in an emergency.
 */
public enum SensitivityLabel {
    /** 42 CFR Part 2: only treatment by the care team without the patient's specific consent. */
    SUBSTANCE_USE_PART2("Substance use disorder (42 CFR Part 2)", EnumSet.noneOf(PurposeOfUse.class)),
    BEHAVIORAL_HEALTH("Behavioral health",
            EnumSet.of(PurposeOfUse.PAYMENT, PurposeOfUse.OPERATIONS, PurposeOfUse.OVERSIGHT)),
    HIV("HIV status", EnumSet.of(PurposeOfUse.PAYMENT, PurposeOfUse.OPERATIONS, PurposeOfUse.OVERSIGHT)),
    REPRODUCTIVE_HEALTH("Reproductive health",
            EnumSet.of(PurposeOfUse.PAYMENT, PurposeOfUse.OPERATIONS, PurposeOfUse.OVERSIGHT)),
    /** A public figure: curiosity is the risk, so coders and other clinicians must declare a reason. */
    VIP("VIP patient", EnumSet.of(PurposeOfUse.OPERATIONS, PurposeOfUse.OVERSIGHT)),
    EMPLOYEE("Employee patient", EnumSet.of(PurposeOfUse.OPERATIONS, PurposeOfUse.OVERSIGHT));

    private final String label;
    private final Set<PurposeOfUse> withoutRelationship;

    SensitivityLabel(String label, Set<PurposeOfUse> withoutRelationship) {
        this.label = label;
        this.withoutRelationship = withoutRelationship;
    }

    public String label() {
        return label;
    }

    /** Whether a user with no treating relationship may read labelled information for this purpose. */
    public boolean allowsWithoutRelationship(PurposeOfUse purpose) {
        return withoutRelationship.contains(purpose);
    }
}
