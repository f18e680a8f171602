package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A create or update of one resource (POST or PUT): the resource is first checked against the base
 * R4 profiles ({@link IncomingResources}); then the access decision; then it is written in one
 * transaction ({@link ResourceCreates}, {@link ResourceUpdates}), a Patient the master patient
 * index certainly knows being linked instead ({@link PatientLinks}).
 */
@Component
final class ResourceWrites {
    static final String SOURCE = "FHIR API";

    /** Where a write landed: the resource's id and the version it now has, with a note for the client if any. */
    record Written(String type, UUID id, int version, boolean created, String note) {
        Written(String type, UUID id, int version, boolean created) {
            this(type, id, version, created, null);
        }
    }

    private final FhirContext fhir;
    private final IncomingResources incoming;
    private final WriteAccess access;
    private final PatientLinks links;
    private final ResourceCreates creates;
    private final ResourceUpdates updates;
    private final TransactionTemplate tx;

    ResourceWrites(FhirContext fhir, IncomingResources incoming, WriteAccess access, PatientLinks links,
                   ResourceCreates creates, ResourceUpdates updates, TransactionTemplate tx) {
        this.fhir = fhir;
        this.incoming = incoming;
        this.access = access;
        this.links = links;
        this.creates = creates;
        this.updates = updates;
        this.tx = tx;
    }

    /** Creates the resource; a Patient the MPI certainly knows already is linked to that patient instead. */
    Written create(IBaseResource resource, UUID id) {
        CustodianUser user = access.writer(fhir.getResourceType(resource));
        JsonNode json = incoming.validated(resource);
        String source = "POST " + json.path("resourceType").asText();
        creates.requireWritable(user, json);
        return tx.execute(status -> {
            if (json.path("resourceType").asText().equals("Patient")) {
                Optional<PatientIdentity.Link> link = links.certainMatch(user, json);
                if (link.isPresent()) {
                    return links.link(user, json, link.get(), source);
                }
            }
            return creates.create(user, json, id, source);
        });
    }

    Written update(IBaseResource resource, UUID id, String expectedVersion) {
        CustodianUser user = access.writer(fhir.getResourceType(resource));
        JsonNode json = incoming.validated(resource);
        updates.requireWritable(user, json.path("resourceType").asText(), id);
        return tx.execute(status -> updates.update(user, json, id, expectedVersion,
                "PUT " + json.path("resourceType").asText() + "/" + id));
    }
}
