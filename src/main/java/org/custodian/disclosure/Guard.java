package org.custodian.disclosure;

import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.ReleasePolicy;
import org.custodian.privacy.SensitivityLabel;
import org.springframework.stereotype.Component;

/**
 * Every disclosure action asks the access policy first and leaves an audit event whatever the
 * answer: a denial is audited and thrown; a permit is audited by {@link #done} once the action is done.
 */
@Component
class Guard {
    private final AccessPolicy policy;
    private final ReleasePolicy releases;
    private final AuditTrail audit;

    Guard(AccessPolicy policy, ReleasePolicy releases, AuditTrail audit) {
        this.policy = policy;
        this.releases = releases;
        this.audit = audit;
    }

    /** The user may do this kind of work at all (queues, forms without a patient). */
    void require(CustodianUser user, Permission permission, String resourceType) {
        if (policy.decide(user, permission) instanceof AccessDecision.Deny deny) {
            denied(user, AuditAction.READ, null, resourceType, null, deny.reason());
            throw new DisclosureDenied(deny.reason());
        }
    }

    /** The user may do this to this patient's record. */
    String require(CustodianUser user, Permission permission, UUID patientId, AuditAction action, String resourceType,
                   String resourceId) {
        AccessDecision decision = policy.decide(user, permission, patientId);
        if (decision instanceof AccessDecision.Deny deny) {
            denied(user, action, patientId, resourceType, resourceId, deny.reason());
            throw new DisclosureDenied(deny.reason());
        }
        return decision.reason();
    }

    /**
     * The user may work on the release of this patient's information (see
     * {@link ReleasePolicy#decideReleaseWork}): sensitivity labels are left to each document's release.
     */
    String requireReleaseWork(CustodianUser user, UUID patientId, AuditAction action, String resourceType,
                              String resourceId) {
        AccessDecision decision = releases.decideReleaseWork(user, patientId);
        if (decision instanceof AccessDecision.Deny deny) {
            denied(user, action, patientId, resourceType, resourceId, deny.reason());
            throw new DisclosureDenied(deny.reason());
        }
        return decision.reason();
    }

    /** Whether the user may work on the release of this patient's information, for filtering lists (no audit). */
    boolean permitsReleaseWork(CustodianUser user, UUID patientId) {
        return releases.decideReleaseWork(user, patientId) instanceof AccessDecision.Permit;
    }

    /** Whether the user reaches the patient, for filtering lists (no audit: nothing is read yet). */
    boolean permits(CustodianUser user, Permission permission, UUID patientId) {
        return policy.decide(user, permission, patientId) instanceof AccessDecision.Permit;
    }

    /**
     * Whether the user may open the document (its own and its encounter's labels counted); when not,
     * the withholding is audited against the resource the user was working on.
     */
    boolean mayOpenDocument(CustodianUser user, UUID patientId, UUID documentId, AuditAction action,
                            String resourceType, String resourceId) {
        if (policy.decideDocument(user, patientId, documentId) instanceof AccessDecision.Deny deny) {
            denied(user, action, patientId, resourceType, resourceId, "document " + documentId + " withheld: "
                    + deny.reason());
            return false;
        }
        return true;
    }

    /** Whether the user may open the document, for filtering lists (no audit: nothing of it is shown). */
    boolean permitsDocument(CustodianUser user, UUID patientId, UUID documentId) {
        return policy.decideDocument(user, patientId, documentId) instanceof AccessDecision.Permit;
    }

    /**
     * Whether the user may release the document: its own and its encounter's labels counted, less those
     * the request lifts (Part 2 consent, categories a valid authorization names). No audit: callers audit
     * what they withhold.
     */
    AccessDecision release(CustodianUser user, UUID patientId, UUID documentId, Set<SensitivityLabel> covered) {
        return releases.decideRelease(user, patientId, documentId, covered);
    }

    /** A refusal the caller reports as a message (a withheld document); kept even if its transaction rolls back. */
    void refused(CustodianUser user, AuditAction action, UUID patientId, String resourceType, String resourceId,
                 String reason) {
        denied(user, action, patientId, resourceType, resourceId, reason);
    }

    void done(CustodianUser user, AuditAction action, UUID patientId, String resourceType, String resourceId,
              String detail) {
        record(user, action, AuditOutcome.SUCCESS, patientId, resourceType, resourceId, detail);
    }

    /** A denial is kept even though the caller's transaction rolls back when it is thrown. */
    private void denied(CustodianUser user, AuditAction action, UUID patientId, String resourceType, String resourceId,
                        String reason) {
        audit.recordKept(new AuditEntry(user.getUsername(), user.rolesText(), action, AuditOutcome.DENIED, patientId,
                resourceType, resourceId, reason, Origin.clientAddress()));
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                        String resourceType, String resourceId, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, resourceType,
                resourceId, detail, Origin.clientAddress()));
    }
}
