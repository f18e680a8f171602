package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.custodian.record.Patient;
import org.custodian.record.Sex;

/** A FHIR Patient as the record's demographics; the SSN is handed over separately, to be sealed. */
final class PatientMapping {
    static final String SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn";

    private PatientMapping() {
    }

    static Patient patient(JsonNode resource, UUID id) {
        JsonNode name = officialName(resource);
        String given = given(name);
        if (given.isEmpty()) {
            throw new BundleException("name.given", "is required");
        }
        String family = text(name, "/family");
        if (family == null) {
            throw new BundleException("name.family", "is required");
        }
        Sex sex;
        try {
            sex = Sex.fromCode(text(resource, "/gender"));
        } catch (IllegalArgumentException e) {
            throw new BundleException("gender", e.getMessage());
        }
        JsonNode address = resource.path("address").path(0);
        return new Patient(id, given, family, FhirJson.date(resource, "/birthDate"), sex,
                new Patient.Address(text(address, "/line/0"), text(address, "/city"), text(address, "/state"),
                        text(address, "/postalCode")),
                phone(resource), FhirJson.instant(resource, "/deceasedDateTime"));
    }

    static String ssn(JsonNode resource) {
        for (JsonNode identifier : resource.path("identifier")) {
            if (SSN_SYSTEM.equals(text(identifier, "/system"))) {
                return text(identifier, "/value");
            }
        }
        return null;
    }

    /** All given names (first and middle) of a HumanName, space separated. */
    static String given(JsonNode name) {
        StringBuilder given = new StringBuilder();
        for (JsonNode part : name.path("given")) {
            if (!part.asText().isBlank()) {
                given.append(given.isEmpty() ? "" : " ").append(part.asText().trim());
            }
        }
        return given.toString();
    }

    private static JsonNode officialName(JsonNode resource) {
        for (JsonNode name : resource.path("name")) {
            if ("official".equals(text(name, "/use"))) {
                return name;
            }
        }
        JsonNode first = resource.path("name").path(0);
        if (first.isMissingNode()) {
            throw new BundleException("name", "is required");
        }
        return first;
    }

    private static String phone(JsonNode resource) {
        for (JsonNode telecom : resource.path("telecom")) {
            if ("phone".equals(text(telecom, "/system"))) {
                return text(telecom, "/value");
            }
        }
        return null;
    }
}
