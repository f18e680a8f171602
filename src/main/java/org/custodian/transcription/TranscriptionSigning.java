package org.custodian.transcription;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentChangeException;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Provenance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authentication of transcribed documents. The author signs; when a co-signature is required (a
 * resident's document) the author's signature is kept as a draft version and the document becomes
 * final only when the attending co-signs. Signed documents take addenda, which are signed in turn.
 * Only the practitioner an account signs as may sign, and only what is theirs.
 */
@Service
public class TranscriptionSigning {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final JobRepository jobs;
    private final TranscriptionAudit audit;
    private final DocumentRepository documents;
    private final UserAccounts accounts;
    private final Clock clock;

    TranscriptionSigning(JobRepository jobs, TranscriptionAudit audit, DocumentRepository documents,
                         UserAccounts accounts, Optional<Clock> clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.documents = documents;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The author signs: final at once, or awaiting the attending's co-signature when one is required. */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob sign(CustodianUser user, UUID jobId) {
        TranscriptionJob job = jobs.get(jobId);
        UUID me = signer(user);
        TranscriptionWork.requireStatus(job, JobStatus.AWAITING_SIGNATURE, "signed by its author");
        String reason = requireOwn(user, job, me, job.authorId(), job.authorName(), "signature", "sign");
        Instant now = clock.instant();
        Provenance prov = provenance(user, job, now);
        try {
            if (job.needsCosignature()) {
                documents.revise(job.documentId(), job.version(), currentBody(job), "signed by " + job.authorName()
                        + " at " + WHEN.format(now) + "; awaiting co-signature by " + job.cosignerName(), prov);
            } else {
                documents.sign(job.documentId(), job.version(), me, now, "signed by " + job.authorName()
                        + " from the transcription queue", prov);
            }
        } catch (DocumentChangeException e) {
            throw new TranscriptionRefused(e.getMessage());
        }
        move(job, job.needsCosignature() ? JobStatus.AWAITING_COSIGNATURE : JobStatus.SIGNED, now);
        jobs.signed(jobId, me, now);
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), job.needsCosignature()
                ? "signed version " + job.version() + "; routed to " + job.cosignerName() + " for co-signature; " + reason
                : "signed version " + job.version() + " from the transcription queue; " + reason);
        return jobs.get(jobId);
    }

    /** The attending co-signs a resident's signed document, which makes it final in the chart. */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob cosign(CustodianUser user, UUID jobId) {
        TranscriptionJob job = jobs.get(jobId);
        UUID me = signer(user);
        if (!job.needsCosignature()) {
            throw new TranscriptionRefused("job " + jobId + ": this document needs no co-signature");
        }
        if (job.status() == JobStatus.TRANSCRIBING || job.status() == JobStatus.QA_REVIEW
                || job.status() == JobStatus.AWAITING_SIGNATURE) {
            throw new TranscriptionRefused("job " + jobId + ": " + job.authorName() + " has not signed it yet ("
                    + job.status().label().toLowerCase() + "); the co-signature follows the author's signature");
        }
        TranscriptionWork.requireStatus(job, JobStatus.AWAITING_COSIGNATURE, "co-signed");
        String reason = requireOwn(user, job, me, job.cosignerId(), job.cosignerName(), "co-signature", "co-sign");
        Instant now = clock.instant();
        try {
            documents.sign(job.documentId(), job.version(), me, now, "signed by " + job.authorName() + " at "
                    + WHEN.format(job.signedAt()) + "; co-signed by " + job.cosignerName(), provenance(user, job, now));
        } catch (DocumentChangeException e) {
            throw new TranscriptionRefused(e.getMessage());
        }
        move(job, JobStatus.SIGNED, now);
        jobs.cosigned(jobId, me, now);
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), "co-signed version " + job.version()
                + " signed by " + job.authorName() + "; " + reason);
        return jobs.get(jobId);
    }

    /**
     * The author or co-signer adds an addendum to a signed document: a new draft that waits for the
     * signature of the one who wrote it. Returns the addendum's job.
     */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob addAddendum(CustodianUser user, UUID jobId, String body) {
        TranscriptionJob job = jobs.get(jobId);
        UUID me = signer(user);
        TranscriptionWork.requireStatus(job, JobStatus.SIGNED, "given an addendum");
        TranscriptionWork.requireText(body, "addendum: the text is empty; type what to add");
        String reason = audit.decideJob(user, Permission.SIGN_DOCUMENTS, AuditAction.CREATE, job, "add an addendum");
        if (!me.equals(job.authorId()) && !me.equals(job.cosignerId())) {
            audit.refused(user, job.patientId(), job.documentId(), "addendum refused: not the author or co-signer");
            throw new TranscriptionDenied("Only " + job.authorName() + (job.needsCosignature() ? " or "
                    + job.cosignerName() : "") + " may add an addendum to this document.");
        }
        Instant now = clock.instant();
        ClinicalDocument addendum;
        try {
            addendum = documents.addAddendum(job.documentId(), TranscriptionWork.text(body), me,
                    provenance(user, job, now));
        } catch (DocumentChangeException e) {
            throw new TranscriptionRefused(e.getMessage());
        }
        UUID addendumJob = UUID.randomUUID();
        jobs.insert(addendumJob, addendum.id(), JobSource.ADDENDUM, JobStatus.AWAITING_SIGNATURE, me, null, null, now);
        audit.success(user, AuditAction.CREATE, job.patientId(), addendum.id(), "addendum to " + job.documentId()
                + " awaiting signature; " + reason);
        return jobs.get(addendumJob);
    }

    private UUID signer(CustodianUser user) {
        audit.requireAny(user, "signing documents", Permission.SIGN_DOCUMENTS);
        return accounts.practitionerOf(user.getUsername()).orElseThrow(() -> new TranscriptionDenied(
                "Your account is not linked to a practitioner who signs documents; ask the HIM department to link it."));
    }

    /** Only the named practitioner may sign; anyone else is refused and the attempt audited. */
    private String requireOwn(CustodianUser user, TranscriptionJob job, UUID me, UUID expected, String expectedName,
                              String what, String verb) {
        String reason = audit.decideJob(user, Permission.SIGN_DOCUMENTS, AuditAction.UPDATE, job, verb + " this document");
        if (!me.equals(expected)) {
            audit.refused(user, job.patientId(), job.documentId(), verb + " refused: waits for " + expectedName);
            throw new TranscriptionDenied("Job " + job.id() + " waits for " + expectedName + "'s " + what
                    + ", not yours.");
        }
        return reason;
    }

    private String currentBody(TranscriptionJob job) {
        return documents.find(job.documentId()).orElseThrow().current().body();
    }

    private void move(TranscriptionJob job, JobStatus to, Instant now) {
        if (!jobs.move(job.id(), job.status(), to, now)) {
            throw new TranscriptionRefused("job " + job.id() + " was moved on by someone else; reload it");
        }
    }

    private static Provenance provenance(CustodianUser user, TranscriptionJob job, Instant now) {
        return new Provenance(TranscriptionWork.SOURCE, "job " + job.id(), now, user.getUsername());
    }
}
