package org.custodian.scanning;

import java.time.Instant;
import java.util.UUID;
import org.custodian.record.EncounterClass;

/** One of a patient's encounters, as an indexer chooses it. */
public record EncounterChoice(UUID id, String visitNumber, EncounterClass encounterClass, Instant admitAt, String facilityCode) {
}
