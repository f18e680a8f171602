package org.custodian.training;

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
 * Decides training actions and writes them to the audit trail under their own resource type
 * ({@value #RESOURCE}), so training activity stands apart in the audit log; the trainees' work in the
 * real screens is audited there with the role TRAINEE. Services run with
 * {@code noRollbackFor = TrainingDenied.class}, so a refusal's audit event stays.
 */
@Component
class TrainingAccess {
    static final String RESOURCE = "Training";

    private final AccessPolicy policy;
    private final AuditTrail audit;

    TrainingAccess(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
    }

    void require(CustodianUser user, Permission permission, String what) {
        if (policy.decide(user, permission) instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.READ, AuditOutcome.DENIED, null, what, "training: " + deny.reason());
            throw new TrainingDenied("Your role does not allow " + what + ".");
        }
    }

    void record(CustodianUser user, AuditAction action, AuditOutcome outcome, java.util.UUID patientId,
                String resourceId, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, RESOURCE,
                resourceId, "training: " + detail, clientAddress()));
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
