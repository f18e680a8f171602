package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** What the providers' create and update answer: the new id and version, or the existing match of a conditional create. */
@Component
final class ResourceCrud {
    private final FhirContext fhir;
    private final ResourceWrites writes;
    private final ConditionalMatch matches;
    private final WriteAccess access;
    private final ResourceDeletes deletes;

    ResourceCrud(FhirContext fhir, ResourceWrites writes, ConditionalMatch matches, WriteAccess access,
                 ResourceDeletes deletes) {
        this.deletes = deletes;
        this.fhir = fhir;
        this.writes = writes;
        this.matches = matches;
        this.access = access;
    }

    /** Creates the resource; with {@code If-None-Exist}, answers 200 with the one match instead, if there is one. */
    MethodOutcome create(IBaseResource resource, String conditional) {
        String type = fhir.getResourceType(resource);
        if (conditional != null && !conditional.isBlank()) {
            var user = access.writer(type);
            Optional<UUID> existing = matches.find(type, conditional);
            if (existing.isPresent()) {
                if (type.equals("Patient")) {
                    // the match is only told to someone who may write to that patient's record
                    access.requirePatient(user, org.custodian.privacy.AuditAction.CREATE, existing.get(), type);
                }
                MethodOutcome outcome = new MethodOutcome(new IdType(type, existing.get().toString()), false);
                outcome.setCreated(false);
                return outcome;
            }
        }
        return outcome(writes.create(resource, UUID.randomUUID()));
    }

    /** Updates the resource; an encounter sent with status entered-in-error is retracted as a DELETE retracts it. */
    MethodOutcome update(IIdType id, IBaseResource resource) {
        if (resource instanceof Encounter encounter && encounter.getStatus() == Encounter.EncounterStatus.ENTEREDINERROR) {
            return deletes.delete(new IdType("Encounter", id.getIdPart()));
        }
        return outcome(writes.update(resource, FhirIds.uuid(id), id.getVersionIdPart()));
    }

    private static MethodOutcome outcome(ResourceWrites.Written written) {
        MethodOutcome outcome = new MethodOutcome(new IdType(written.type(), written.id().toString(),
                String.valueOf(written.version())));
        outcome.setCreated(written.created());
        if (written.note() != null) {
            var information = FhirErrors.outcome(org.hl7.fhir.r4.model.OperationOutcome.IssueType.INFORMATIONAL, null,
                    written.note());
            information.getIssueFirstRep().setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.INFORMATION);
            outcome.setOperationOutcome(information);
        }
        return outcome;
    }
}
