package org.custodian.retention;

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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every retention action asks the access policy (role, and membership of the facility whose records
 * it touches) and leaves an audit event: a denial is audited so that it outlives the rollback, and thrown.
 */
@Component
class RetentionGuard {
    private final AccessPolicy policy;
    private final AuditTrail audit;

    RetentionGuard(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
    }

    /** The role allows the work and, when a facility is named, the user is a member of it. */
    void require(CustodianUser user, Permission permission, UUID facilityId, AuditAction action, String resourceType,
                 String resourceId) {
        String refusal = null;
        if (policy.decide(user, permission) instanceof AccessDecision.Deny deny) {
            refusal = deny.reason();
        } else if (facilityId != null && !user.facilityIds().contains(facilityId)) {
            refusal = "not a member of facility " + facilityId;
        }
        if (refusal != null) {
            String reason = refusal;
            refused(user, action, null, resourceType, resourceId, reason);
            throw new RetentionDenied(reason);
        }
    }

    /** The patient must be reachable for this user (a patient hold names a patient). */
    void requirePatient(CustodianUser user, Permission permission, UUID patientId, AuditAction action,
                        String resourceType) {
        if (policy.decide(user, permission, patientId) instanceof AccessDecision.Deny deny) {
            refused(user, action, patientId, resourceType, null, deny.reason());
            throw new RetentionDenied(deny.reason());
        }
    }

    void done(CustodianUser user, AuditAction action, UUID patientId, String resourceType, String resourceId,
              String detail) {
        record(user, action, AuditOutcome.SUCCESS, patientId, resourceType, resourceId, detail);
    }

    /** A refusal outlives the caller's transaction, which rolls back with the exception thrown after it. */
    private void refused(CustodianUser user, AuditAction action, UUID patientId, String resourceType, String resourceId,
                         String reason) {
        audit.recordKept(entry(user, action, AuditOutcome.DENIED, patientId, resourceType, resourceId, reason));
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                        String resourceType, String resourceId, String detail) {
        audit.record(entry(user, action, outcome, patientId, resourceType, resourceId, detail));
    }

    private static AuditEntry entry(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                                    String resourceType, String resourceId, String detail) {
        return new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, resourceType,
                resourceId, detail, clientAddress());
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
