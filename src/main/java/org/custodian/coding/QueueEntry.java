package org.custodian.coding;

import java.time.Instant;
import java.util.UUID;
import org.custodian.record.EncounterClass;

/** One discharged encounter in the coding queue, with what a coder needs to pick it. */
public record QueueEntry(UUID encounterId, UUID patientId, String patientName, String mrn, String facilityCode,
                         String facilityName, EncounterClass encounterClass, String visitNumber, Instant admitAt,
                         Instant dischargeAt, long ageDays, String payer, CodingStatus status, String assignee) {
}
