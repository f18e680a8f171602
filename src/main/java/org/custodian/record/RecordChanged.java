package org.custodian.record;

import java.util.Set;
import java.util.UUID;

/**
 * Published inside the transaction that changed the record of these patients (a new or updated
 * patient, encounter, diagnosis, procedure, observation or document). Listeners such as the
 * quality rules re-check just these patients. Writers announce through {@link RecordChanges}, which
 * publishes one event per transaction naming every patient it touched.
 */
public record RecordChanged(Set<UUID> patientIds) {
    public RecordChanged {
        patientIds = Set.copyOf(patientIds);
    }

    public static RecordChanged of(UUID patientId) {
        return new RecordChanged(Set.of(patientId));
    }
}
