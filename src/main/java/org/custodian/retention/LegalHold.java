package org.custodian.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hold for a legal matter: on every record of one patient, or on a facility's records whose
 * service dates overlap {@code from}..{@code to} (either end open). Active until released. The patient
 * is shown by MRN only (minimum necessary: the hold list is not a chart).
 */
public record LegalHold(UUID id, String matter, Scope scope, UUID patientId, String patientMrns, UUID facilityId,
                        String facilityName, LocalDate from, LocalDate to, String reason, String placedBy,
                        Instant placedAt, String releasedBy, Instant releasedAt, String releaseNote) {
    public enum Scope { PATIENT, FACILITY }

    public boolean active() {
        return releasedAt == null;
    }

    /** Whether this hold covers a record of this patient at this facility with these service dates. */
    public boolean covers(UUID recordPatient, UUID recordFacility, LocalDate serviceFrom, LocalDate lastActivity) {
        if (!active()) {
            return false;
        }
        return switch (scope) {
            case PATIENT -> patientId.equals(recordPatient);
            case FACILITY -> facilityId.equals(recordFacility)
                    && (to == null || !serviceFrom.isAfter(to))
                    && (from == null || !lastActivity.isBefore(from));
        };
    }

    public String describe() {
        return switch (scope) {
            case PATIENT -> "patient MRN " + (patientMrns == null ? patientId : patientMrns);
            case FACILITY -> facilityName + " records of " + (from == null ? "any date" : from) + " to "
                    + (to == null ? "any date" : to);
        };
    }
}
