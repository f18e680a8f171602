package org.custodian.transcription;

import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.stereotype.Component;

/** Decides each transcription step with the access policy and leaves an audit event whatever the outcome. */
@Component
class TranscriptionAudit {
    static final String DOCUMENT = "DocumentReference";

    private final AccessPolicy policy;
    private final AuditTrail audit;

    TranscriptionAudit(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
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

    /** The user may take this step on this patient's document; denials are audited and thrown. */
    void decide(CustodianUser user, Permission permission, AuditAction action, UUID patientId, UUID documentId,
                String what) {
        if (policy.decide(user, permission, patientId) instanceof AccessDecision.Deny deny) {
            record(user, action, AuditOutcome.DENIED, patientId, DOCUMENT, str(documentId), what + "; " + deny.reason());
            throw new TranscriptionDenied("You may not " + what + ": " + deny.reason() + ".");
        }
    }

    boolean permits(CustodianUser user, Permission permission, UUID patientId) {
        return policy.decide(user, permission, patientId) instanceof AccessDecision.Permit;
    }

    /** Whether the user may open the document: its own and its encounter's labels count beyond the patient's. */
    boolean permitsDocument(CustodianUser user, UUID patientId, UUID documentId) {
        return policy.decideDocument(user, patientId, documentId) instanceof AccessDecision.Permit;
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
