package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditPage;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.stereotype.Component;

/**
 * The audit trail as FHIR AuditEvents, for roles that may view it (VIEW_AUDIT) and nobody else.
 * Searching it is itself audited. Search by patient, agent-name (user), date; pages straight from the trail.
 */
@Component
public final class AuditEventProvider implements IResourceProvider {
    private final AccessPolicy policy;
    private final AuditTrail audit;

    AuditEventProvider(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        long seq;
        try {
            seq = Long.parseLong(id.getIdPart());
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
        allowed(AuditAction.READ, "read AuditEvent/" + seq);
        // the chain has no gaps (audit verify proves it), so event n is the n-th in order of seq
        AuditPage page = audit.search(new AuditQuery(null, null, null, null, null, AuditQuery.SortColumn.SEQ, true,
                (int) Math.max(0, seq - 1), 1));
        return page.events().stream().filter(e -> e.seq() == seq).findFirst().map(AuditEventResources::auditEvent)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agentName,
                                  @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date) {
        UUID patientId = patient == null ? null : FhirIds.parse(patient.getIdPart());
        if (patient != null && patientId == null) {
            return new ca.uhn.fhir.rest.server.SimpleBundleProvider(List.of());
        }
        String user = agentName == null ? null : agentName.getValue();
        Instant from = date == null || date.getLowerBoundAsInstant() == null ? null
                : date.getLowerBoundAsInstant().toInstant();
        Instant to = date == null || date.getUpperBoundAsInstant() == null ? null
                : date.getUpperBoundAsInstant().toInstant();
        allowed(AuditAction.SEARCH, "search AuditEvent" + (patientId == null ? "" : " patient=" + patientId)
                + (user == null ? "" : " agent-name=" + user));
        long total = audit.search(new AuditQuery(user, patientId, null, from, to, AuditQuery.SortColumn.SEQ, false, 0, 1))
                .total();
        return new TrailPage(user, patientId, from, to, (int) Math.min(Integer.MAX_VALUE, total));
    }

    /** Pages read from the trail as HAPI asks for them, newest first. */
    private final class TrailPage implements IBundleProvider {
        private final String user;
        private final UUID patientId;
        private final Instant from;
        private final Instant to;
        private final int total;
        private final InstantType published = InstantType.withCurrentTime();

        TrailPage(String user, UUID patientId, Instant from, Instant to, int total) {
            this.user = user;
            this.patientId = patientId;
            this.from = from;
            this.to = to;
            this.total = total;
        }

        @Override
        public IPrimitiveType<java.util.Date> getPublished() {
            return published;
        }

        @Override
        public List<IBaseResource> getResources(int fromIndex, int toIndex) {
            int size = Math.max(1, Math.min(AuditQuery.MAX_PAGE_SIZE, toIndex - fromIndex));
            if (fromIndex % size != 0) {
                size = 1; // HAPI asks for aligned pages; otherwise read one event at a time
            }
            List<IBaseResource> page = new java.util.ArrayList<>();
            for (int start = fromIndex; start < toIndex; start += size) {
                audit.search(new AuditQuery(user, patientId, null, from, to, AuditQuery.SortColumn.SEQ, false,
                        start / size, size)).events().forEach(e -> page.add(AuditEventResources.auditEvent(e)));
            }
            return page.subList(0, Math.min(page.size(), toIndex - fromIndex));
        }

        @Override
        public String getUuid() {
            return null;
        }

        @Override
        public Integer preferredPageSize() {
            return null;
        }

        @Override
        public Integer size() {
            return total;
        }
    }

    private void allowed(AuditAction action, String what) {
        CustodianUser user = ApiCaller.current();
        AccessDecision decision = policy.decide(user, Permission.VIEW_AUDIT);
        boolean denied = decision instanceof AccessDecision.Deny;
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action,
                denied ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, null, "AuditEvent", null,
                "FHIR " + what + "; " + decision.reason(), null));
        if (denied) {
            ForbiddenOperationException e = new ForbiddenOperationException("access denied: " + decision.reason());
            e.setOperationOutcome(FhirErrors.outcome(org.hl7.fhir.r4.model.OperationOutcome.IssueType.FORBIDDEN, null,
                    "access denied: " + decision.reason()));
            throw e;
        }
    }
}
