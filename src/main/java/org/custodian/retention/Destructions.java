package org.custodian.retention;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.RecordChanges;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Destruction by two people: one proposes a batch of the records past retention at a facility;
 * another approves it, which checks every record again (a hold placed since, a schedule changed
 * since, withholds it), deletes the destroyed records' clinical data in one transaction, keeps the
 * tombstones, audits each record and stores the certificate. Or the second person rejects it.
 */
@Service
public class Destructions {
    static final String METHOD = "Permanent deletion from the Custodian database (SQL DELETE of the record and every"
            + " dependent row in one transaction); the tombstone keeps identifiers and dates only";
    private static final String RESOURCE = "DestructionBatch";

    private final Eligibility eligibility;
    private final ScheduleRepository schedules;
    private final CandidateRepository candidates;
    private final DestructionRepository batches;
    private final RecordDestroyer destroyer;
    private final CertificateStore certificates;
    private final RetentionGuard guard;
    private final RecordChanges changes;

    Destructions(Eligibility eligibility, ScheduleRepository schedules, CandidateRepository candidates,
                 DestructionRepository batches, RecordDestroyer destroyer, CertificateStore certificates,
                 RetentionGuard guard, RecordChanges changes) {
        this.eligibility = eligibility;
        this.schedules = schedules;
        this.candidates = candidates;
        this.batches = batches;
        this.destroyer = destroyer;
        this.certificates = certificates;
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Proposes every destroyable record of the type at the facility not already in a proposed batch;
     * for raw messages with no facility, those of senders that are no facility of ours.
     */
    @Transactional
    public UUID propose(CustodianUser user, RecordType type, UUID facilityId, LocalDate asOf) {
        Eligibility.requireScope(type, facilityId);
        guard.require(user, Permission.MANAGE_RETENTION, facilityId, AuditAction.CREATE, RESOURCE, null);
        EligibilityReport report = eligibility.assess(type, facilityId, asOf);
        List<Assessment> proposable = report.proposable();
        if (proposable.isEmpty()) {
            throw new IllegalArgumentException("no " + type.label().toLowerCase() + (facilityId == null
                    ? " from senders that are no facility" : " at this facility") + " are past retention"
                    + " and free of legal holds (and not already proposed) as of " + asOf);
        }
        UUID id = UUID.randomUUID();
        batches.insertBatch(id, type, facilityId, METHOD, user.getUsername());
        String rule = report.schedule().scope() + ": " + report.schedule().rule().describe();
        for (Assessment a : proposable) {
            batches.insertItem(id, a, rule);
        }
        guard.done(user, AuditAction.CREATE, null, RESOURCE, id.toString(), "destruction proposed: "
                + proposable.size() + " " + type.label().toLowerCase() + " past retention as of " + asOf);
        return id;
    }

    /** The second person's approval: destroys what is still destroyable and returns the batch as decided. */
    @Transactional
    public DestructionBatch approve(CustodianUser user, UUID batchId, LocalDate asOf) {
        DestructionBatch batch = undecided(user, batchId);
        if (batch.proposedBy().equals(user.getUsername())) {
            throw new IllegalArgumentException("a second person must approve: " + user.getUsername()
                    + " proposed this batch");
        }
        RetentionRule rule = schedules.applicable(batch.type(), batch.facilityId())
                .orElseThrow(() -> new IllegalArgumentException("no retention schedule applies any more; reject the batch"))
                .rule();
        Set<UUID> patients = new HashSet<>();
        for (DestructionItem item : batch.items()) {
            String withheld = withholding(batch, item, rule, asOf);
            if (withheld != null) {
                batches.withheld(batchId, item.recordId(), withheld);
                continue;
            }
            Map<String, Integer> rows = destroyer.destroy(item.type(), item.recordId());
            batches.destroyed(batchId, item.recordId(), RecordDestroyer.describe(rows));
            if (item.patientId() != null) {
                patients.add(item.patientId());
            }
            guard.done(user, AuditAction.DELETE, item.patientId(), item.type().resourceType(),
                    item.recordId().toString(), "destroyed under retention batch " + batchId + " proposed by "
                            + batch.proposedBy() + ", authorised by " + user.getUsername() + " (MRN " + item.mrn()
                            + ", retained until " + item.retainUntil() + ")");
        }
        for (UUID patientId : patients) {
            destroyer.destroyDemographicsIfNothingElseRemains(patientId).ifPresent(rows -> {
                batches.patientDestroyed(batchId, patientId, RecordDestroyer.describe(rows));
                guard.done(user, AuditAction.DELETE, patientId, "Patient", patientId.toString(), "demographics"
                        + " destroyed with the last of the patient's records under retention batch " + batchId);
            });
        }
        Instant now = Instant.now();
        batches.decide(batchId, DestructionBatch.Status.DESTROYED, user.getUsername(), now, null);
        DestructionBatch decided = batches.find(batchId).orElseThrow();
        byte[] pdf = DestructionCertificate.render(decided);
        batches.certificate(batchId, certificates.save(batchId, pdf), sha256(pdf));
        guard.done(user, AuditAction.UPDATE, null, RESOURCE, batchId.toString(), "destruction approved: "
                + decided.destroyedCount() + " destroyed, " + decided.withheldCount() + " withheld, "
                + decided.patientsDestroyed().size() + " patients' demographics destroyed; certificate "
                + sha256(pdf));
        if (!patients.isEmpty()) {
            changes.changed(patients);
        }
        return batches.find(batchId).orElseThrow();
    }

    @Transactional
    public void reject(CustodianUser user, UUID batchId, String note) {
        DestructionBatch batch = undecided(user, batchId);
        String reason = note == null || note.isBlank() ? null : note.strip();
        batches.decide(batchId, DestructionBatch.Status.REJECTED, user.getUsername(), Instant.now(), reason);
        guard.done(user, AuditAction.UPDATE, null, RESOURCE, batchId.toString(), "destruction rejected"
                + (reason == null ? "" : ": " + reason) + " (" + batch.items().size() + " records kept)");
    }

    public List<DestructionBatch> recent(CustodianUser user) {
        guard.require(user, Permission.MANAGE_RETENTION, null, AuditAction.READ, RESOURCE, null);
        return batches.recent(30).stream()
                .filter(b -> b.facilityId() == null || user.facilityIds().contains(b.facilityId())).toList();
    }

    public DestructionBatch get(CustodianUser user, UUID batchId) {
        DestructionBatch batch = batches.find(batchId)
                .orElseThrow(() -> new IllegalArgumentException("no destruction batch " + batchId));
        guard.require(user, Permission.MANAGE_RETENTION, batch.facilityId(), AuditAction.READ, RESOURCE,
                batchId.toString());
        guard.done(user, AuditAction.READ, null, RESOURCE, batchId.toString(), "destruction batch, "
                + batch.items().size() + " records");
        return batch;
    }

    /** The stored certificate (PDF) of a decided batch. */
    public byte[] certificate(CustodianUser user, UUID batchId) {
        DestructionBatch batch = batches.find(batchId)
                .orElseThrow(() -> new IllegalArgumentException("no destruction batch " + batchId));
        guard.require(user, Permission.MANAGE_RETENTION, batch.facilityId(), AuditAction.PRINT, RESOURCE,
                batchId.toString());
        String file = batches.certificateFile(batchId)
                .orElseThrow(() -> new IllegalArgumentException("batch " + batchId + " has no certificate: it is "
                        + batch.status().name().toLowerCase()));
        byte[] pdf = certificates.read(file);
        if (!sha256(pdf).equals(batch.certificateSha256())) {
            throw new IllegalStateException("the stored certificate of batch " + batchId
                    + " does not match its recorded SHA-256; it was changed after it was issued");
        }
        guard.done(user, AuditAction.PRINT, null, RESOURCE, batchId.toString(), "destruction certificate");
        return pdf;
    }

    private DestructionBatch undecided(CustodianUser user, UUID batchId) {
        DestructionBatch batch = batches.lock(batchId)
                .orElseThrow(() -> new IllegalArgumentException("no destruction batch " + batchId));
        guard.require(user, Permission.APPROVE_DESTRUCTION, batch.facilityId(), AuditAction.UPDATE, RESOURCE,
                batchId.toString());
        if (batch.status() != DestructionBatch.Status.PROPOSED) {
            throw new IllegalArgumentException("this destruction batch was already " + batch.status().name().toLowerCase()
                    + " by " + batch.decidedBy());
        }
        return batch;
    }

    /** Why the record must not be destroyed now, or null: gone already, a hold, or no longer past retention. */
    private String withholding(DestructionBatch batch, DestructionItem item, RetentionRule rule, LocalDate asOf) {
        var now = candidates.find(item.type(), batch.facilityId(), item.recordId());
        if (now.isEmpty()) {
            return "no longer in the record (moved or destroyed since the proposal)";
        }
        Assessment a = eligibility.assessNow(now.get(), rule, asOf);
        return switch (a.status()) {
            case ELIGIBLE -> null;
            case HELD -> "legal hold: " + a.hold().orElseThrow().matter();
            case RETAINED -> "not past retention any more (kept until " + a.retainUntil() + ")";
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
