package org.custodian.retention;

import java.time.LocalDate;
import java.util.Optional;

/** Where one record stands against its schedule and the legal holds on a given day. */
public record Assessment(Candidate record, LocalDate retainUntil, boolean minorRule, Status status,
                         Optional<LegalHold> hold, Optional<java.util.UUID> proposedIn) {
    public enum Status {
        /** Still inside its retention period. */
        RETAINED,
        /** Past retention but under a legal hold: never destroyable while the hold lasts. */
        HELD,
        /** Past retention, no hold: may be proposed for destruction. */
        ELIGIBLE
    }

    public boolean destroyable() {
        return status == Status.ELIGIBLE;
    }
}
