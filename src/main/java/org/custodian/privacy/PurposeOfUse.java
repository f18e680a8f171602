package org.custodian.privacy;

import java.util.Set;

/** Why a user reads a record (HL7 PurposeOfUse, simplified); labels allow some purposes and not others. */
public enum PurposeOfUse {
    TREATMENT, PAYMENT, OPERATIONS, DISCLOSURE, OVERSIGHT, EMERGENCY;

    /** The purpose a user's work implies when a screen does not ask: the clinician treats, the coder bills. */
    public static PurposeOfUse usualFor(Set<Role> roles) {
        if (roles.contains(Role.CLINICIAN)) {
            return TREATMENT;
        }
        if (roles.contains(Role.PRIVACY_OFFICER)) {
            return OVERSIGHT;
        }
        if (roles.contains(Role.HIM_DIRECTOR)) {
            return OPERATIONS;
        }
        if (roles.contains(Role.CODER)) {
            return PAYMENT;
        }
        if (roles.contains(Role.ROI_SPECIALIST)) {
            return DISCLOSURE;
        }
        return OPERATIONS;
    }
}
