package org.custodian.record;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that discharged an encounter after admission (e.g. an ADT A03):
 * coding and chart completion start from here. Encounters imported already discharged are not
 * announced one by one; they arrive with {@link RecordChanged} and are found by queries.
 */
public record EncounterDischarged(UUID encounterId, UUID patientId, UUID facilityId, Instant dischargedAt) {
}
