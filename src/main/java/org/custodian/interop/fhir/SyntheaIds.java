package org.custodian.interop.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Record ids, MRNs and visit numbers derived from Synthea's own resource ids, so loading the same
 * Synthea output twice yields the same rows (and a second load can see what is already there).
 */
final class SyntheaIds {
    private SyntheaIds() {
    }

    static UUID id(String resourceType, String syntheaId) {
        return UUID.nameUUIDFromBytes(("synthea/" + resourceType + "/" + syntheaId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID patientId(String syntheaPatientId) {
        return id("Patient", syntheaPatientId);
    }

    /** A ten-digit number after the facility's prefix letter, e.g. {@code H0412375519}. */
    static String mrn(char facilityPrefix, String syntheaPatientId) {
        return facilityPrefix + digits(id("MRN", syntheaPatientId), 10);
    }

    static String visitNumber(String syntheaEncounterId) {
        return "V" + digits(id("Visit", syntheaEncounterId), 12);
    }

    private static String digits(UUID source, int count) {
        long bound = (long) Math.pow(10, count);
        long value = Long.remainderUnsigned(source.getMostSignificantBits() ^ source.getLeastSignificantBits(), bound);
        return String.format("%0" + count + "d", value);
    }
}
