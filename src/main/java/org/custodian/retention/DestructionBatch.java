package org.custodian.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A set of records proposed for destruction by one person and approved (or rejected) by another. */
public record DestructionBatch(UUID id, RecordType type, UUID facilityId, String facilityName, Status status,
                               String method, String proposedBy, Instant proposedAt, String decidedBy,
                               Instant decidedAt, String decisionNote, String certificateSha256,
                               List<DestructionItem> items, List<DestroyedPatient> patientsDestroyed) {
    public enum Status { PROPOSED, DESTROYED, REJECTED }

    public DestructionBatch {
        items = List.copyOf(items);
        patientsDestroyed = List.copyOf(patientsDestroyed);
    }

    public long destroyedCount() {
        return items.stream().filter(i -> i.status() == DestructionItem.Status.DESTROYED).count();
    }

    public long withheldCount() {
        return items.stream().filter(i -> i.status() == DestructionItem.Status.WITHHELD).count();
    }

    public boolean hasCertificate() {
        return certificateSha256 != null;
    }
}
