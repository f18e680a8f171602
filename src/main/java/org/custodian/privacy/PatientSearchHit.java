package org.custodian.privacy;

import java.util.UUID;
import org.custodian.record.PatientSummary;

/**
 * One row of a patient search as a user may see it: the patient, or (for a record whose sensitivity
 * labels or restrictions keep this user out but which they may open in an emergency) a masked row
 * that carries no identifying detail, only the way to the break-the-glass page.
 */
public record PatientSearchHit(UUID patientId, PatientSummary patient) {

    static PatientSearchHit shown(PatientSummary patient) {
        return new PatientSearchHit(patient.id(), patient);
    }

    static PatientSearchHit masked(UUID patientId) {
        return new PatientSearchHit(patientId, null);
    }

    /** True when the row is masked: opening it needs break-the-glass. */
    public boolean restricted() {
        return patient == null;
    }
}
