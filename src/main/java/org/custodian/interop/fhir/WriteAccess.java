package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.ClinicalQueries;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The access decision for writes through the API: the role must allow loading records, and a
 * write to an existing patient's record needs a facility that holds it (as a read would). Each
 * decision leaves an audit event, denials included. A denial's event is kept even when it is decided
 * inside a transaction that the refusal then rolls back (an entry of a transaction bundle): see
 * {@link AuditTrail#recordKept}.
 */
@Component
final class WriteAccess {
    private final AccessPolicy policy;
    private final AuditTrail audit;

    WriteAccess(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
    }

    /** The signed-in user, allowed to write; 403 (audited) otherwise. */
    CustodianUser writer(String resourceType) {
        CustodianUser user = ApiCaller.current();
        if (policy.decide(user, Permission.IMPORT_RECORDS) instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.CREATE, AuditOutcome.DENIED, null, resourceType, null, deny.reason());
            throw forbidden(deny.reason());
        }
        return user;
    }

    /** Allows a write to this patient's record, or throws 403 (audited). */
    void requirePatient(CustodianUser user, AuditAction action, UUID patientId, String resourceType) {
        if (policy.decide(user, Permission.IMPORT_RECORDS, patientId) instanceof AccessDecision.Deny deny) {
            record(user, action, AuditOutcome.DENIED, patientId, resourceType, null, deny.reason());
            throw forbidden(deny.reason());
        }
    }

    /**
     * Allows a write to one part of this patient's record (an existing resource, or a new fact filed on an
     * existing encounter): the part's and its encounter's labels count beyond the patient's, as a read of
     * it would count them. 403 (audited) otherwise.
     */
    void requirePart(CustodianUser user, AuditAction action, UUID patientId, String resourceType,
                     ClinicalQueries.Kind kind, UUID partId) {
        if (policy.decidePart(user, Permission.IMPORT_RECORDS, patientId, kind, partId)
                instanceof AccessDecision.Deny deny) {
            record(user, action, AuditOutcome.DENIED, patientId, resourceType,
                    kind == ClinicalQueries.Kind.ENCOUNTER && !"Encounter".equals(resourceType) ? null : partId.toString(),
                    deny.reason());
            throw forbidden(deny.reason());
        }
    }

    /** Whether the user may write to this patient's record; decides without an audit event (nothing is read). */
    boolean mayWrite(CustodianUser user, UUID patientId) {
        return !(policy.decide(user, Permission.IMPORT_RECORDS, patientId) instanceof AccessDecision.Deny);
    }

    void written(CustodianUser user, AuditAction action, UUID patientId, String resourceType, String id, String detail) {
        record(user, action, AuditOutcome.SUCCESS, patientId, resourceType, id, detail);
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                        String resourceType, String id, String detail) {
        AuditEntry entry = new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId,
                resourceType, id, "FHIR " + detail, clientAddress());
        if (outcome == AuditOutcome.DENIED) {
            audit.recordKept(entry);
        } else {
            audit.record(entry);
        }
    }

    private static ForbiddenOperationException forbidden(String reason) {
        ForbiddenOperationException e = new ForbiddenOperationException("access denied: " + reason);
        e.setOperationOutcome(FhirErrors.outcome(org.hl7.fhir.r4.model.OperationOutcome.IssueType.FORBIDDEN, null,
                "access denied: " + reason));
        return e;
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "local";
    }
}
