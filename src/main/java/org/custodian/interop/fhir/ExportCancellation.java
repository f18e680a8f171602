package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code DELETE} on a bulk export's status URL ({@code $export-poll-status?_jobId=…}) cancels it
 * (Bulk Data Access IG): 202 and its files are removed; a job that is not the caller's, or was
 * cancelled already, is 404. HAPI's operations take only GET and POST, so this is a request hook.
 */
@Component
@Interceptor
public final class ExportCancellation {
    static final String STATUS_PATH = "/$export-poll-status";

    private final BulkExport bulk;
    private final AuditTrail audit;
    private final FhirContext fhir;

    ExportCancellation(BulkExport bulk, AuditTrail audit, FhirContext fhir) {
        this.bulk = bulk;
        this.audit = audit;
        this.fhir = fhir;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean incoming(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"DELETE".equals(request.getMethod()) || !STATUS_PATH.equals(request.getPathInfo())) {
            return true;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CustodianUser user)) {
            write(response, 401, IssueType.LOGIN, "sign in to cancel an export");
            return false;
        }
        UUID id = FhirIds.parse(request.getParameter("_jobId"));
        Optional<ExportJobs.Job> job = id == null ? Optional.empty() : bulk.job(user, id);
        if (job.isEmpty()) {
            write(response, 404, IssueType.NOTFOUND, "no export job " + request.getParameter("_jobId") + " of yours to cancel");
            return false;
        }
        bulk.cancel(job.get());
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.DELETE, AuditOutcome.SUCCESS, null,
                "Bulk $export", id.toString(), "FHIR bulk export " + id + " cancelled; its files removed",
                request.getRemoteAddr()));
        write(response, 202, IssueType.INFORMATIONAL, "export job " + id + " cancelled; its files are removed");
        return false;
    }

    private void write(HttpServletResponse response, int status, IssueType type, String message) throws IOException {
        OperationOutcome outcome = FhirErrors.outcome(type, null, message);
        if (status < 400) {
            outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        }
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        fhir.newJsonParser().encodeResourceToWriter(outcome, response.getWriter());
    }
}
