package org.custodian.interop.fhir;

import java.util.Optional;
import java.util.UUID;
import org.custodian.record.Patient;

/**
 * How an imported bundle's Patient meets the patients already in the record: through the master
 * patient index, as a Patient created through the API does, or not at all (the training sandbox's
 * synthetic patients must never be linked to real ones).
 */
interface ImportMatching {
    /** The existing patient the incoming one certainly is, if any. */
    Optional<PatientIdentity.Link> certainMatch(Patient incoming, String ssn, UUID facilityId);

    /** Queues a review of each likely duplicate of the patient just written; how many were queued. */
    int flagPossibleDuplicates(UUID patientId, UUID facilityId);

    ImportMatching NONE = new ImportMatching() {
        @Override
        public Optional<PatientIdentity.Link> certainMatch(Patient incoming, String ssn, UUID facilityId) {
            return Optional.empty();
        }

        @Override
        public int flagPossibleDuplicates(UUID patientId, UUID facilityId) {
            return 0;
        }
    };
}
