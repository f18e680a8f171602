package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.springframework.stereotype.Component;

/**
 * Provenance of the record's resources, one per version: read as {@code Provenance/Condition-<uuid>-2},
 * or searched by {@code target}. Each is a read of the target's patient record (decided and audited).
 */
@Component
public final class ProvenanceProvider implements IResourceProvider {
    private static final Pattern ID = Pattern.compile("([A-Za-z]+)-([0-9a-fA-F-]{36})-(\\d+)");

    private final ResourceHistory history;

    ProvenanceProvider(ResourceHistory history) {
        this.history = history;
    }

    @Override
    public Class<Provenance> getResourceType() {
        return Provenance.class;
    }

    @Read
    public Provenance read(@IdParam IdType id) {
        Matcher m = ID.matcher(id.getIdPart());
        if (!m.matches()) {
            throw new ResourceNotFoundException(id);
        }
        return history.provenance(new IdType(m.group(1), m.group(2))).stream()
                .filter(p -> p.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Provenance> byTarget(@RequiredParam(name = Provenance.SP_TARGET) ReferenceParam target) {
        if (target.getResourceType() == null) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
                    "target must name its type, e.g. target=Condition/<id>");
        }
        return history.provenance(new IdType(target.getResourceType(), target.getIdPart()));
    }
}
