package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * A resource an API client sends, before it is written: a type the record takes, checked against
 * the base R4 profiles, and as JSON for the mappings.
 */
@Component
final class IncomingResources {
    static final List<String> WRITABLE =
            List.of("Patient", "Encounter", "Condition", "Procedure", "Observation", "DocumentReference");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext fhir;
    private final EntryValidator validator;

    IncomingResources(FhirContext fhir, EntryValidator validator) {
        this.fhir = fhir;
        this.validator = validator;
    }

    /** The resource as JSON, once it passed the base R4 profiles; else 422 naming every element at fault. */
    JsonNode validated(IBaseResource resource) {
        List<EntryValidator.Problem> errors = problems(resource);
        if (!errors.isEmpty()) {
            throw FhirErrors.unprocessable(errors);
        }
        return json(resource);
    }

    /** What keeps the resource out of the record: a type it does not take, or errors against the base R4 profiles. */
    List<EntryValidator.Problem> problems(IBaseResource resource) {
        String type = fhir.getResourceType(resource);
        if (!WRITABLE.contains(type)) {
            return List.of(new EntryValidator.Problem(type, "the record takes " + String.join(", ", WRITABLE)
                    + " through this API"));
        }
        return validator.errors(fhir.newJsonParser().encodeResourceToString(resource));
    }

    JsonNode json(IBaseResource resource) {
        String json = fhir.newJsonParser().encodeResourceToString(resource);
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote JSON that does not parse", e);
        }
    }
}
