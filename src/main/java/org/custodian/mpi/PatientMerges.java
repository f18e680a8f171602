package org.custodian.mpi;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.RecordChanges;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merge and unmerge, the one path for the review queue, HL7 A40 and FHIR. A merge keeps both
 * patient records, links them under one enterprise identity, fills the survivor's gaps from the
 * retired record, and re-points the retired record's clinical rows and MRNs; unmerge puts every
 * one of those back byte for byte. Both are audited on both patients.
 */
@Service
public class PatientMerges {
    private final MergeRepository merges;
    private final ReviewTaskRepository tasks;
    private final AuditTrail audit;
    private final RecordChanges changes;

    PatientMerges(MergeRepository merges, ReviewTaskRepository tasks, AuditTrail audit, RecordChanges changes) {
        this.merges = merges;
        this.tasks = tasks;
        this.audit = audit;
        this.changes = changes;
    }

    /** A merge as listed to people. */
    public record Merge(UUID id, UUID survivorId, UUID retiredId, MergeSource source, java.time.Instant mergedAt,
                        String mergedBy, java.time.Instant unmergedAt, String unmergedBy) {
        public boolean active() {
            return unmergedAt == null;
        }
    }

    @Transactional
    public Merge merge(UUID survivor, UUID retired, MergeSource source, Actor actor) {
        if (survivor.equals(retired)) {
            throw new MergeRefused("a patient cannot be merged into itself");
        }
        if (!merges.lockPatients(survivor, retired)) {
            throw new MergeRefused("both patients must exist to merge them");
        }
        merges.mergedInto(retired).ifPresent(into -> {
            throw new MergeRefused("patient " + retired + " was already merged into " + into);
        });
        merges.mergedInto(survivor).ifPresent(into -> {
            throw new MergeRefused("patient " + survivor + " was merged into " + into + "; merge into that one instead");
        });
        MergeRepository.Snapshot before = merges.snapshot(survivor, retired);
        String repointed = merges.repoint(survivor, retired);
        merges.fillGaps(survivor, retired);
        merges.linkIdentity(survivor, retired);
        UUID id = UUID.randomUUID();
        merges.insert(id, survivor, retired, source, before, repointed, actor.username());
        tasks.closePair(survivor, retired, ReviewStatus.MERGED, actor.username());
        String detail = "merge " + id + " (" + source + "): " + retired + " merged into " + survivor;
        record(actor, survivor, detail);
        record(actor, retired, detail);
        changes.changed(Set.of(survivor, retired));
        return find(id);
    }

    @Transactional
    public Merge unmerge(UUID mergeId, Actor actor) {
        MergeRepository.MergeRow merge = merges.find(mergeId, true)
                .orElseThrow(() -> new MergeRefused("no merge " + mergeId));
        if (merge.unmergedAt() != null) {
            throw new MergeRefused("merge " + mergeId + " was already undone by " + merge.unmergedBy());
        }
        List<UUID> later = merges.laterActiveMerges(merge);
        if (!later.isEmpty()) {
            throw new MergeRefused("undo the later merges of these patients first: " + later);
        }
        merges.lockPatients(merge.survivorId(), merge.retiredId());
        merges.restore(merge);
        merges.markUnmerged(mergeId, actor.username());
        tasks.closePair(merge.survivorId(), merge.retiredId(), ReviewStatus.NOT_DUPLICATE, actor.username());
        String detail = "unmerge " + mergeId + ": " + merge.retiredId() + " restored apart from " + merge.survivorId();
        record(actor, merge.survivorId(), detail);
        record(actor, merge.retiredId(), detail);
        changes.changed(Set.of(merge.survivorId(), merge.retiredId()));
        return find(mergeId);
    }

    public Merge find(UUID mergeId) {
        return merges.find(mergeId, false).map(PatientMerges::view)
                .orElseThrow(() -> new MergeRefused("no merge " + mergeId));
    }

    public List<Merge> recent(int limit) {
        return merges.recent(limit).stream().map(PatientMerges::view).toList();
    }

    private void record(Actor actor, UUID patient, String detail) {
        audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.UPDATE, AuditOutcome.SUCCESS, patient,
                "Patient", patient.toString(), detail, actor.clientAddress()));
    }

    private static Merge view(MergeRepository.MergeRow row) {
        return new Merge(row.id(), row.survivorId(), row.retiredId(), row.source(), row.mergedAt(), row.mergedBy(),
                row.unmergedAt(), row.unmergedBy());
    }
}
