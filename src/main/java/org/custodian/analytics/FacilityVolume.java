package org.custodian.analytics;

/** Encounters of one class admitted at one facility over the period. */
public record FacilityVolume(String facility, String encounterClass, long encounters) {
}
