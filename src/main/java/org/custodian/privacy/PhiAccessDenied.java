package org.custodian.privacy;

import java.util.List;
import java.util.UUID;

/**
 * A user asked for PHI the access policy does not allow; the denial has been audited. It carries
 * the decision's steps (fit to show) and whether the user may break the glass for this patient.
 */
public final class PhiAccessDenied extends RuntimeException {
    private final String reason;
    private final List<String> steps;
    private final UUID patientId;
    private final boolean emergencyAccess;

    PhiAccessDenied(String reason) {
        this(new AccessDecision.Deny(reason), null);
    }

    PhiAccessDenied(AccessDecision.Deny decision, UUID patientId) {
        super("access denied: " + decision.reason());
        this.reason = decision.reason();
        this.steps = decision.steps();
        this.patientId = patientId;
        this.emergencyAccess = decision.emergencyAccess() && patientId != null;
    }

    public String reason() {
        return reason;
    }

    /** The checks the policy made, in words fit to show the user. */
    public List<String> steps() {
        return steps;
    }

    /** The patient asked for, or null for a denial not about one patient (a search). */
    public UUID patientId() {
        return patientId;
    }

    /** Whether the user may declare an emergency to read this patient's record anyway. */
    public boolean emergencyAccess() {
        return emergencyAccess;
    }
}
