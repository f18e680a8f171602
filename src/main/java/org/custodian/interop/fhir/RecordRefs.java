package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** References of an incoming resource to what the record holds, as {@code Type/uuid}; a bad one is a 422 naming the element. */
final class RecordRefs {
    private RecordRefs() {
    }

    /** The id a required reference names. */
    static UUID required(JsonNode resource, String resourceType, String element, String targetType) {
        UUID id = optional(resource, resourceType, element, targetType);
        if (id == null) {
            throw FhirErrors.unprocessable(resourceType + "." + element, "is required (a reference to " + targetType + ")");
        }
        return id;
    }

    /** The id an optional reference names, or null when it is absent. */
    static UUID optional(JsonNode resource, String resourceType, String element, String targetType) {
        String reference = text(resource, "/" + element.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1") + "/reference");
        if (reference == null) {
            return null;
        }
        String prefix = targetType + "/";
        UUID id = reference.startsWith(prefix) ? FhirIds.parse(stripHistory(reference.substring(prefix.length()))) : null;
        if (id == null) {
            throw FhirErrors.unprocessable(resourceType + "." + element + ".reference",
                    "must be " + targetType + "/<id> of a resource in this record, not " + reference);
        }
        return id;
    }

    private static String stripHistory(String idPart) {
        int slash = idPart.indexOf('/');
        return slash < 0 ? idPart : idPart.substring(0, slash);
    }
}
