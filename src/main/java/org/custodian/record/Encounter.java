package org.custodian.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One visit or stay at one facility. {@code dischargeAt} is empty while the patient is still there. */
public record Encounter(
        UUID id,
        UUID patientId,
        UUID facilityId,
        String visitNumber,
        EncounterClass encounterClass,
        Instant admitAt,
        Instant dischargeAt,
        UUID attendingId,
        String dischargeDisposition,
        String reason) {

    public Encounter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(encounterClass, "encounterClass");
        Objects.requireNonNull(admitAt, "admitAt");
        if (dischargeAt != null && dischargeAt.isBefore(admitAt)) {
            throw new IllegalArgumentException("discharge " + dischargeAt + " is before admission " + admitAt);
        }
    }
}
