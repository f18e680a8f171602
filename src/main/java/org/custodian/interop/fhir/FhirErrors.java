package org.custodian.interop.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
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
            if (t instanceof org.springframework.dao.DuplicateKeyException duplicate) {
                return withOutcome(new ResourceVersionConflictException("already in the record: "
                        + duplicate.getMostSpecificCause().getMessage()), outcome(IssueType.DUPLICATE, null,
                        "already in the record: " + duplicate.getMostSpecificCause().getMessage()));
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

    /** 422 with one issue per problem, each naming its element, e.g. {@code Patient.birthDate}. */
    static UnprocessableEntityException unprocessable(java.util.List<EntryValidator.Problem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (EntryValidator.Problem problem : problems) {
            var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID)
                    .setDiagnostics(problem.where() == null ? problem.message() : problem.where() + ": " + problem.message());
            if (problem.where() != null && !problem.where().isEmpty()) {
                issue.addExpression(problem.where());
                issue.getLocation().add(new StringType(problem.where()));
            }
        }
        UnprocessableEntityException e = new UnprocessableEntityException(problems.isEmpty() ? "invalid resource"
                : outcome.getIssueFirstRep().getDiagnostics());
        e.setOperationOutcome(outcome);
        return e;
    }

    static UnprocessableEntityException unprocessable(String where, String message) {
        return unprocessable(java.util.List.of(new EntryValidator.Problem(where, message)));
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
