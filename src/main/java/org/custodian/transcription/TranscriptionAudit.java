package org.custodian.transcription;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.DocumentDuty;
import org.custodian.privacy.Permission;
import org.custodian.privacy.UserAccounts;
import org.springframework.stereotype.Component;

/** Decides each transcription step with the access policy and leaves an audit event whatever the outcome. */
@Component
class TranscriptionAudit {
    static final String DOCUMENT = "DocumentReference";

    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final UserAccounts accounts;

    TranscriptionAudit(AccessPolicy policy, AuditTrail audit, UserAccounts accounts) {
        this.policy = policy;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Any one of the permissions will do (e.g. a queue both transcriptionists and reviewers work). */
    void requireAny(CustodianUser user, String what, Permission... permissions) {
        for (Permission p : permissions) {
            if (user.can(p)) {
                return;
            }
        }
        String reason = "role " + user.rolesText() + " does not allow " + what;
        record(user, AuditAction.READ, AuditOutcome.DENIED, null, "TranscriptionQueue", null, reason);
        throw new TranscriptionDenied("Your role does not allow " + what + ".");
    }

    /**
     * The user may type a new document for this patient: whoever types a dictation is the transcriptionist
     * it is assigned to, so the patient's labels do not keep it from them (facility and restrictions do).
     * Denials are audited and thrown.
     */
    void decideNewDocument(CustodianUser user, UUID patientId, String what) {
        AccessDecision decision = policy.decideDocumentWork(user, Permission.TRANSCRIBE_DOCUMENTS, patientId, null,
                Set.of(DocumentDuty.TRANSCRIPTIONIST));
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.CREATE, AuditOutcome.DENIED, patientId, DOCUMENT, null, what + "; " + deny.reason());
            throw new TranscriptionDenied("You may not " + what + ": " + deny.reason() + ".");
        }
    }

    /**
     * The user may take this step on the job's document (see {@link AccessPolicy#decideDocumentWork}):
     * its labels and its encounter's and patient's are weighed by the user's duties on it. Denials are
     * audited and thrown; a permit's reason is returned, for the step's audit event to name it.
     */
    String decideJob(CustodianUser user, Permission permission, AuditAction action, TranscriptionJob job,
                     Set<DocumentDuty> duties, String what) {
        AccessDecision decision = policy.decideDocumentWork(user, permission, job.patientId(), job.documentId(), duties);
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, action, AuditOutcome.DENIED, job.patientId(), DOCUMENT, str(job.documentId()),
                    what + "; " + deny.reason());
            throw new TranscriptionDenied("You may not " + what + ": " + deny.steps().getLast());
        }
        return decision.reason();
    }

    String decideJob(CustodianUser user, Permission permission, AuditAction action, TranscriptionJob job, String what) {
        return decideJob(user, permission, action, job, duties(user, job), what);
    }

    /** Whether the user may see the job's document with these duties on it (for filtering lists: no audit). */
    boolean permitsJob(CustodianUser user, Permission permission, TranscriptionJob job, Set<DocumentDuty> duties) {
        return policy.decideDocumentWork(user, permission, job.patientId(), job.documentId(), duties)
                instanceof AccessDecision.Permit;
    }

    /**
     * What the user is to the job's document: its author or co-signer (by the practitioner the account
     * signs as), the transcriptionist who holds it, the reviewer who holds it in QA.
     */
    Set<DocumentDuty> duties(CustodianUser user, TranscriptionJob job) {
        return dutiesOf(user).apply(job);
    }

    /** {@link #duties} for many jobs of one user: the practitioner the account signs as is looked up once. */
    Function<TranscriptionJob, Set<DocumentDuty>> dutiesOf(CustodianUser user) {
        Optional<UUID> me = user.can(Permission.SIGN_DOCUMENTS) ? accounts.practitionerOf(user.getUsername())
                : Optional.empty();
        return job -> duties(user, me, job);
    }

    private static Set<DocumentDuty> duties(CustodianUser user, Optional<UUID> me, TranscriptionJob job) {
        Set<DocumentDuty> duties = EnumSet.noneOf(DocumentDuty.class);
        if (me.isPresent() && me.get().equals(job.authorId())) {
            duties.add(DocumentDuty.AUTHOR);
        }
        if (me.isPresent() && me.get().equals(job.cosignerId())) {
            duties.add(DocumentDuty.COSIGNER);
        }
        if (user.can(Permission.TRANSCRIBE_DOCUMENTS) && Objects.equals(user.getUsername(), job.transcribedBy())) {
            duties.add(DocumentDuty.TRANSCRIPTIONIST);
        }
        if (user.can(Permission.REVIEW_TRANSCRIPTION) && Objects.equals(user.getUsername(), job.reviewedBy())) {
            duties.add(DocumentDuty.QA_REVIEWER);
        }
        return duties;
    }

    void success(CustodianUser user, AuditAction action, UUID patientId, UUID documentId, String detail) {
        record(user, action, AuditOutcome.SUCCESS, patientId, DOCUMENT, str(documentId), detail);
    }

    /** A step the policy allowed but the workflow refuses (e.g. signing someone else's document). */
    void refused(CustodianUser user, UUID patientId, UUID documentId, String detail) {
        record(user, AuditAction.UPDATE, AuditOutcome.DENIED, patientId, DOCUMENT, str(documentId), detail);
    }

    void list(CustodianUser user, String resourceId, String detail) {
        record(user, AuditAction.READ, AuditOutcome.SUCCESS, null, "TranscriptionQueue", resourceId, detail);
    }

    void templateChanged(CustodianUser user, String type, String detail) {
        record(user, AuditAction.UPDATE, AuditOutcome.SUCCESS, null, "TranscriptionTemplate", type, detail);
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId, String type,
                        String id, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, type, id, detail,
                ClientAddress.current()));
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
