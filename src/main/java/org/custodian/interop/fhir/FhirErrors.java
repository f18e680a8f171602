package org.custodian.interop.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.custodian.privacy.PhiAccessDenied;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The one place where failures become FHIR answers: a denial is 403, a bad request 400 with the
 * element path, and each carries an OperationOutcome. HAPI's own exceptions (404, 401) pass through.
 */
@Interceptor
public final class FhirErrors {
    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof PhiAccessDenied denied) {
                return withOutcome(new ForbiddenOperationException("access denied: " + denied.reason()),
                        outcome(IssueType.FORBIDDEN, null, "access denied: " + denied.reason()));
            }
            if (t instanceof BundleException bad) {
                return withOutcome(new InvalidRequestException(bad.getMessage()), invalid(bad));
            }
            if (t instanceof IllegalArgumentException bad) {
                return withOutcome(new InvalidRequestException(bad.getMessage()),
                        outcome(IssueType.INVALID, null, bad.getMessage()));
            }
        }
        return thrown instanceof BaseServerResponseException known ? known : null;
    }

    /** An error with the FHIRPath-like location of the element at fault, e.g. {@code Bundle.entry[3].resource.birthDate}. */
    static OperationOutcome invalid(BundleException bad) {
        return outcome(IssueType.INVALID, bad.where(), bad.getMessage());
    }

    static OperationOutcome outcome(IssueType type, String where, String message) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        if (where != null && !where.isEmpty()) {
            issue.addExpression(where);
            issue.getLocation().add(new StringType(where));
        }
        return outcome;
    }

    private static BaseServerResponseException withOutcome(BaseServerResponseException e, OperationOutcome outcome) {
        e.setOperationOutcome(outcome);
        return e;
    }
}
