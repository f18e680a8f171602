package org.custodian.coding;

import jakarta.servlet.http.HttpServletRequest;
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
 * Decides coding actions and writes them to the audit trail: the role must allow the action, and an
 * encounter must be at a facility the user belongs to (a coder works only their facilities' queue).
 */
@Component
class CodingAccess {
    static final String RESOURCE = "CodingCase";

    private final AccessPolicy policy;
    private final AuditTrail audit;

    CodingAccess(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
    }

    void require(CustodianUser user, Permission permission, String what) {
        if (policy.decide(user, permission) instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.READ, AuditOutcome.DENIED, null, what, deny.reason());
            throw new CodingDenied("Your role does not allow " + what + ".");
        }
    }

    /** The role allows it, the encounter's facility is in the user's scope and the policy lets them read the patient. */
    void requireCase(CustodianUser user, Permission permission, UUID facilityId, UUID patientId, UUID encounterId) {
        require(user, permission, "coding");
        if (!user.facilityIds().contains(facilityId)) {
            record(user, AuditAction.READ, AuditOutcome.DENIED, patientId, encounterId.toString(),
                    "encounter is at a facility outside the user's scope");
            throw new CodingDenied("This encounter is at a facility you do not work for.");
        }
        if (policy.decide(user, Permission.READ_CHART, patientId) instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.READ, AuditOutcome.DENIED, patientId, encounterId.toString(), deny.reason());
            throw new CodingDenied("You do not have access to this patient's record.");
        }
    }

    /**
     * Whether the user may read one of the encounter's documents: its own and its encounter's labels
     * count beyond the patient's, as on the chart; {@link #withheld} audits one kept out of an opened screen.
     */
    AccessDecision document(CustodianUser user, UUID patientId, UUID documentId) {
        return policy.decideDocument(user, patientId, documentId);
    }

    void withheld(CustodianUser user, UUID patientId, UUID documentId, AccessDecision.Deny deny) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.READ, AuditOutcome.DENIED,
                patientId, "DocumentReference", documentId.toString(), "withheld from the coding screen: "
                + deny.reason(), clientAddress()));
    }

    void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId, String resourceId,
                String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, RESOURCE,
                resourceId, detail, clientAddress()));
    }

    void changed(CustodianUser user, UUID patientId, UUID encounterId, String detail) {
        record(user, AuditAction.UPDATE, AuditOutcome.SUCCESS, patientId, encounterId.toString(), detail);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
