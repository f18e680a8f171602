package org.custodian.interop.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads FHIR JSON values by JSON pointer ({@code /period/start}) and reports a missing or bad value
 * at its FHIRPath-like location ({@code period.start}), relative to the resource.
 */
final class FhirJson {
    private FhirJson() {
    }

    /** The text at the pointer, or null when absent or blank. */
    static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static String required(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (text == null) {
            throw new BundleException(path(pointer), "is required");
        }
        return text;
    }

    static BigDecimal decimal(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new BundleException(path(pointer), "is not a number: " + value);
        }
        return value.decimalValue();
    }

    /** A FHIR dateTime (year, year-month, date, or date and time with zone) as an instant, or null. */
    static Instant instant(JsonNode node, String pointer) {
        String text = text(node, pointer);
        if (text == null) {
            return null;
        }
        try {
            return switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                case 7 -> LocalDate.parse(text + "-01").atStartOfDay(ZoneOffset.UTC).toInstant();
                case 10 -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> OffsetDateTime.parse(text).toInstant();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BundleException(path(pointer), "is not a FHIR dateTime: " + text);
        }
    }

    static LocalDate date(JsonNode node, String pointer) {
        String text = required(node, pointer);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BundleException(path(pointer), "is not a FHIR date (YYYY-MM-DD): " + text);
        }
    }

    /** The first coding of a CodeableConcept in the preferred system, else its first coding, else missing. */
    static JsonNode coding(JsonNode concept, String preferredSystem) {
        JsonNode codings = concept.path("coding");
        for (JsonNode coding : codings) {
            if (preferredSystem.equals(coding.path("system").asText())) {
                return coding;
            }
        }
        return codings.path(0);
    }

    /** A CodeableConcept's words: its text, else its first coding's display. */
    static String conceptText(JsonNode concept) {
        String text = text(concept, "/text");
        return text != null ? text : text(concept, "/coding/0/display");
    }

    /**
     * The identifier value of a conditional reference such as
     * {@code Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999957191}, or null.
     */
    static String conditionalIdentifier(String reference) {
        if (reference == null) {
            return null;
        }
        int query = reference.indexOf("?identifier=");
        int bar = reference.lastIndexOf('|');
        if (query < 0) {
            return null;
        }
        String value = bar > query ? reference.substring(bar + 1) : reference.substring(query + "?identifier=".length());
        return value.isBlank() ? null : value;
    }

    /** {@code /code/coding/0/code} as {@code code.coding[0].code}. */
    static String path(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String step : pointer.substring(1).split("/")) {
            if (step.chars().allMatch(Character::isDigit) && !step.isEmpty()) {
                path.append('[').append(step).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step);
            }
        }
        return path.toString();
    }
}
