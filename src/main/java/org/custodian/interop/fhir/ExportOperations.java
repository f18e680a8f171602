package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * The Bulk Data Access IG's asynchronous pattern: {@code $export} kick-off (202 with
 * Content-Location), {@code $export-poll-status} (202 with X-Progress while running, 200 with the
 * manifest when done) and {@code $export-file} serving each NDJSON file to the user who asked for it.
 * System-level here; {@code Patient/$export} and {@code Group/[facility]/$export} start the same jobs.
 */
@Component
public final class ExportOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

    private final BulkExport bulk;
    private final FhirContext fhir;

    ExportOperations(BulkExport bulk, FhirContext fhir) {
        this.bulk = bulk;
        this.fhir = fhir;
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void export(@OperationParam(name = "_type") StringType type,
                       @OperationParam(name = "_since") InstantType since,
                       @OperationParam(name = "_outputFormat") StringType outputFormat,
                       RequestDetails request, HttpServletResponse response) throws IOException {
        kickOff(ExportJobs.Level.SYSTEM, null, type, since, outputFormat, request, response);
    }

    void kickOff(ExportJobs.Level level, UUID facility, StringType type, InstantType since, StringType outputFormat,
                 RequestDetails request, HttpServletResponse response) throws IOException {
        String prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            throw new InvalidRequestException("$export runs asynchronously: send the header Prefer: respond-async");
        }
        if (outputFormat != null && !NDJSON.contains(outputFormat.getValue())) {
            throw new InvalidRequestException("_outputFormat: only application/fhir+ndjson is written, not "
                    + outputFormat.getValue());
        }
        CustodianUser user = ApiCaller.current();
        Instant sinceInstant = since == null || since.getValue() == null ? null : since.getValue().toInstant();
        ExportJobs.Job job = bulk.start(user, request.getCompleteUrl(), level, facility,
                BulkExport.types(type == null ? null : type.getValue()), sinceInstant);
        response.setStatus(202);
        response.setHeader("Content-Location", request.getFhirServerBase() + "/$export-poll-status?_jobId=" + job.id());
        writeOutcome(response, "export job " + job.id() + " accepted");
    }

    @Operation(name = "$export-poll-status", idempotent = true, manualResponse = true)
    public void status(@OperationParam(name = "_jobId") StringType jobId, RequestDetails request,
                       HttpServletResponse response) throws IOException {
        ExportJobs.Job job = job(jobId);
        switch (job.status()) {
            case QUEUED, RUNNING -> {
                response.setStatus(202);
                response.setHeader("X-Progress", "exported " + job.patientsDone() + " of " + job.patientsTotal()
                        + " patients (" + job.resources() + " resources)");
                response.setHeader("Retry-After", "1");
                writeOutcome(response, job.status().name().toLowerCase());
            }
            case FAILED -> {
                response.setStatus(500);
                response.setContentType("application/fhir+json;charset=UTF-8");
                fhir.newJsonParser().encodeResourceToWriter(FhirErrors.outcome(OperationOutcome.IssueType.EXCEPTION,
                        null, "export failed: " + job.error()), response.getWriter());
            }
            case COMPLETED -> {
                response.setStatus(200);
                response.setContentType("application/json;charset=UTF-8");
                JSON.writeValue(response.getWriter(), manifest(job, request.getFhirServerBase()));
            }
        }
    }

    @Operation(name = "$export-file", idempotent = true, manualResponse = true)
    public void file(@OperationParam(name = "_jobId") StringType jobId, @OperationParam(name = "file") StringType type,
                     HttpServletResponse response) throws IOException {
        ExportJobs.Job job = job(jobId);
        ExportJobs.ExportFile file = bulk.files(job.id()).stream()
                .filter(f -> type != null && f.resourceType().equals(type.getValue())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("export " + job.id() + " has no file "
                        + (type == null ? "" : type.getValue())));
        response.setStatus(200);
        response.setContentType("application/fhir+ndjson");
        response.setContentLengthLong(file.bytes());
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(bulk.file(job.id(), file), out);
        }
    }

    private ExportJobs.Job job(StringType jobId) {
        UUID id = jobId == null ? null : FhirIds.parse(jobId.getValue());
        if (id == null) {
            throw new InvalidRequestException("_jobId is required: the id from the kick-off's Content-Location");
        }
        return bulk.job(ApiCaller.current(), id)
                .orElseThrow(() -> new ResourceNotFoundException("no export job " + id + " of yours"));
    }

    private ObjectNode manifest(ExportJobs.Job job, String base) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("transactionTime", job.createdAt().toString());
        manifest.put("request", job.requestUrl());
        manifest.put("requiresAccessToken", true);
        var output = manifest.putArray("output");
        for (ExportJobs.ExportFile file : bulk.files(job.id())) {
            output.addObject().put("type", file.resourceType())
                    .put("url", base + "/$export-file?_jobId=" + job.id() + "&file=" + file.resourceType())
                    .put("count", file.resources());
        }
        manifest.putArray("error");
        return manifest;
    }

    private void writeOutcome(HttpServletResponse response, String message) throws IOException {
        OperationOutcome outcome = FhirErrors.outcome(OperationOutcome.IssueType.INFORMATIONAL, null, message);
        outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        response.setContentType("application/fhir+json;charset=UTF-8");
        fhir.newJsonParser().encodeResourceToWriter(outcome, response.getWriter());
    }
}
