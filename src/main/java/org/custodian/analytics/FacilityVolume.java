package org.custodian.analytics;

import org.custodian.record.EncounterClass;

/** Encounters of one class admitted at one facility over the period. */
public record FacilityVolume(String facility, EncounterClass encounterClass, long encounters) {
}
