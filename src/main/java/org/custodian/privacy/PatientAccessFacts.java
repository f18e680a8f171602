package org.custodian.privacy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the access policy needs to know about one patient for one user, read in one query: whether
 * the patient exists, the facilities holding their record (id to code), a restriction the patient
 * asked for that names the user or one of their roles, the labels on the whole record, and the
 * labelled encounters and documents (for leaving them out of a chart).
 */
record PatientAccessFacts(boolean exists, Map<UUID, String> facilities, Optional<Instant> restrictedSince,
                          Set<SensitivityLabel> labels, Map<UUID, Set<SensitivityLabel>> labelledParts) {
    /** The same facts with these labels on the whole record lifted (a release that covers them). */
    PatientAccessFacts without(Set<SensitivityLabel> lifted) {
        Set<SensitivityLabel> left = EnumSet.noneOf(SensitivityLabel.class);
        left.addAll(labels);
        left.removeAll(lifted);
        return new PatientAccessFacts(exists, facilities, restrictedSince, left, labelledParts);
    }
}
