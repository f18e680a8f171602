package org.custodian.training;

import java.time.Instant;
import java.util.UUID;
import org.custodian.record.EncounterClass;

/** A finished encounter of a synthetic sandbox patient, which a trainer can turn into an exercise. */
public record SandboxEncounter(UUID encounterId, UUID patientId, String patientName, String visitNumber,
                               EncounterClass encounterClass, Instant admitAt, Instant dischargeAt, String reason,
                               int documents) {
}
