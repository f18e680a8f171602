package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.custodian.privacy.CustodianUser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction Bundle, streamed into the record by the same importer as
 * the demo: the body is spooled to a file and never held as a resource tree, so a 100 MB bundle
 * costs the memory of its largest entry. A patient bundle is written in one database transaction;
 * a bad one is answered 400 with the element path and leaves nothing behind. Every entry is first
 * checked against the base R4 profiles ({@link EntryValidator}).
 */
@Component
@Interceptor
public final class TransactionDoor {
    private final BundleIngest ingest;
    private final EntryValidator validator;
    private final GeneralBundles general;
    private final FhirContext fhir;
    private final WriteAccess access;

    TransactionDoor(BundleIngest ingest, EntryValidator validator, GeneralBundles general, FhirContext fhir,
                    WriteAccess access) {
        this.access = access;
        this.ingest = ingest;
        this.validator = validator;
        this.general = general;
        this.fhir = fhir;
    }

    /** Takes over POSTs to the server's base; anything else goes on to HAPI. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean incoming(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (!"POST".equals(request.getMethod()) || !(path == null || path.equals("/"))) {
            return true;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CustodianUser user)) {
            write(response, 401, FhirErrors.outcome(IssueType.LOGIN, null, "sign in with HTTP Basic to use this API"));
            return false;
        }
        try {
            access.writer("Bundle");
        } catch (ForbiddenOperationException refused) { // audited by WriteAccess
            write(response, 403, refused.getOperationOutcome());
            return false;
        }
        Path spool = Files.createTempFile("custodian-bundle-", ".json");
        try {
            try (InputStream body = request.getInputStream()) {
                Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            BundleShape shape = BundleShape.of(spool);
            if (shape != BundleShape.SYNTHEA_TRANSACTION) {
                writeGeneral(response, shape, spool);
                return false;
            }
            try {
                validator.check(spool);
            } catch (BundleException e) {
                write(response, 400, FhirErrors.invalid(e));
                return false;
            }
            IngestResult result = ingest.load(spool, "POST /fhir by " + user.getUsername() + " at " + java.time.Instant.now(),
                    user.getUsername());
            switch (result) {
                case IngestResult.Accepted ok -> write(response, 200, ingest.transactionResponse(spool, ok));
                case IngestResult.Refused no -> write(response, 400, FhirErrors.outcome(IssueType.INVALID, no.where(),
                        no.reason()));
            }
        } finally {
            Files.deleteIfExists(spool);
        }
        return false;
    }

    /** Any other transaction, or a batch, entry by entry; failures answered with their OperationOutcome. */
    private void writeGeneral(HttpServletResponse response, BundleShape shape, Path spool) throws IOException {
        try {
            Bundle bundle = general.parse(spool);
            write(response, 200, shape == BundleShape.BATCH ? general.batch(bundle) : general.transaction(bundle));
        } catch (RuntimeException e) {
            BaseServerResponseException answer = new FhirErrors().translate(e);
            if (answer == null) {
                throw e;
            }
            write(response, answer.getStatusCode(), answer.getOperationOutcome() != null ? answer.getOperationOutcome()
                    : FhirErrors.outcome(IssueType.PROCESSING, null, answer.getMessage()));
        }
    }

    private void write(HttpServletResponse response, int status, IBaseResource resource) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        fhir.newJsonParser().encodeResourceToWriter(resource, response.getWriter());
    }
}
