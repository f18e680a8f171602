package org.custodian.interop.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Small hand-written bundles shaped like Synthea's (transaction bundles, urn:uuid references, NPI references). */
final class TestBundles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NPI = "9999957191";

    private TestBundles() {
    }

    static ObjectNode bundle(ObjectNode... resources) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        for (ObjectNode resource : resources) {
            ObjectNode entry = entries.addObject().put("fullUrl", "urn:uuid:" + resource.path("id").asText());
            entry.set("resource", resource);
            entry.putObject("request").put("method", "POST").put("url", resource.path("resourceType").asText());
        }
        return bundle;
    }

    /** The SSN {@link #patient} gives the patient with this id (999-…: never issued). */
    static String ssn(String id) {
        int n = Math.floorMod(id.hashCode(), 1_000_000);
        return String.format("999-%02d-%04d", n / 10_000, n % 10_000);
    }

    static Path write(Path directory, String name, ObjectNode bundle) {
        return write(directory, name, bundle.toPrettyString());
    }

    static Path write(Path directory, String name, String json) {
        try {
            return Files.writeString(directory.resolve(name), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Synthea-shaped Patient whose SSN and birth date follow from its id, so that the master
     * patient index takes two bundles' patients for two people unless a test makes them alike.
     */
    static ObjectNode patient(String id, String given, String family) {
        return patientLike(id, id, given, family);
    }

    /** A Patient with the id {@code id} and the SSN and birth date of {@link #patient} with id {@code person}. */
    static ObjectNode patientLike(String id, String person, String given, String family) {
        ObjectNode p = resource("Patient", id);
        ArrayNode identifiers = p.putArray("identifier");
        identifiers.addObject().put("system", "https://github.com/synthetichealth/synthea").put("value", id);
        identifiers.addObject().put("system", "http://hl7.org/fhir/sid/us-ssn").put("value", ssn(person));
        ObjectNode name = p.putArray("name").addObject().put("use", "official").put("family", family);
        name.putArray("given").add(given).add("Middle");
        p.putArray("telecom").addObject().put("system", "phone").put("value", "555-010-2000");
        p.put("gender", "female").put("birthDate", java.time.LocalDate.of(1930, 1, 1)
                .plusDays(Math.floorMod(person.hashCode(), 25_000)).toString());
        ObjectNode address = p.putArray("address").addObject().put("city", "Lowell").put("state", "MA")
                .put("postalCode", "01850");
        address.putArray("line").add("12 Mill Street");
        return p;
    }

    static ObjectNode encounter(String id, String patientId, String classCode, String type, String organization,
                                String start, String end) {
        ObjectNode e = resource("Encounter", id).put("status", "finished");
        e.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", classCode);
        e.putArray("type").addObject().put("text", type);
        subject(e, patientId);
        e.putArray("participant").addObject().putObject("individual")
                .put("reference", "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|" + NPI)
                .put("display", "Dr. Hank Schneider");
        e.putObject("period").put("start", start).put("end", end);
        e.putObject("serviceProvider")
                .put("reference", "Organization?identifier=https://github.com/synthetichealth/synthea|org-" + id)
                .put("display", organization);
        return e;
    }

    static ObjectNode condition(String id, String patientId, String encounterId, String snomed, String display,
                                String onset) {
        ObjectNode c = resource("Condition", id);
        coded(c.putObject("code"), "http://snomed.info/sct", snomed, display);
        subject(c, patientId);
        c.putObject("encounter").put("reference", "urn:uuid:" + encounterId);
        return c.put("onsetDateTime", onset);
    }

    static ObjectNode procedure(String id, String patientId, String encounterId, String snomed, String display,
                                String start) {
        ObjectNode p = resource("Procedure", id).put("status", "completed");
        coded(p.putObject("code"), "http://snomed.info/sct", snomed, display);
        subject(p, patientId);
        p.putObject("encounter").put("reference", "urn:uuid:" + encounterId);
        p.putObject("performedPeriod").put("start", start).put("end", start);
        return p;
    }

    static ObjectNode observation(String id, String patientId, String encounterId, String loinc, String display,
                                  double value, String unit, String at) {
        ObjectNode o = resource("Observation", id).put("status", "final");
        coded(o.putObject("code"), "http://loinc.org", loinc, display);
        subject(o, patientId);
        o.putObject("encounter").put("reference", "urn:uuid:" + encounterId);
        o.put("effectiveDateTime", at);
        o.putObject("valueQuantity").put("value", value).put("unit", unit);
        return o;
    }

    static ObjectNode bloodPressure(String id, String patientId, String encounterId, int systolic, int diastolic,
                                    String at) {
        ObjectNode o = resource("Observation", id).put("status", "final");
        coded(o.putObject("code"), "http://loinc.org", "85354-9", "Blood pressure panel");
        subject(o, patientId);
        o.putObject("encounter").put("reference", "urn:uuid:" + encounterId);
        o.put("effectiveDateTime", at);
        ArrayNode components = o.putArray("component");
        ObjectNode s = components.addObject();
        coded(s.putObject("code"), "http://loinc.org", "8480-6", "Systolic Blood Pressure");
        s.putObject("valueQuantity").put("value", systolic).put("unit", "mm[Hg]");
        ObjectNode d = components.addObject();
        coded(d.putObject("code"), "http://loinc.org", "8462-4", "Diastolic Blood Pressure");
        d.putObject("valueQuantity").put("value", diastolic).put("unit", "mm[Hg]");
        return o;
    }

    static ObjectNode note(String id, String patientId, String encounterId, String text, String date) {
        ObjectNode d = resource("DocumentReference", id).put("status", "superseded");
        coded(d.putObject("type"), "http://loinc.org", "34117-2", "History and physical note");
        subject(d, patientId);
        d.put("date", date);
        d.putArray("author").addObject()
                .put("reference", "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|" + NPI)
                .put("display", "Dr. Hank Schneider");
        d.putArray("content").addObject().putObject("attachment").put("contentType", "text/plain; charset=utf-8")
                .put("data", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        d.putObject("context").putArray("encounter").addObject().put("reference", "urn:uuid:" + encounterId);
        return d;
    }

    /** A Synthea-style claim billing {@code total} US dollars for the encounter (its first item names it). */
    static ObjectNode claim(String id, String patientId, String encounterId, String total) {
        ObjectNode c = resource("Claim", id).put("status", "active").put("use", "claim");
        c.putObject("patient").put("reference", "urn:uuid:" + patientId);
        c.putArray("item").addObject().put("sequence", 1).putArray("encounter").addObject()
                .put("reference", "urn:uuid:" + encounterId);
        c.putObject("total").put("value", new java.math.BigDecimal(total)).put("currency", "USD");
        return c;
    }

    static ObjectNode resource(String type, String id) {
        return JSON.createObjectNode().put("resourceType", type).put("id", id);
    }

    private static void subject(ObjectNode resource, String patientId) {
        resource.putObject("subject").put("reference", "urn:uuid:" + patientId);
    }

    private static void coded(ObjectNode concept, String system, String code, String display) {
        concept.putArray("coding").addObject().put("system", system).put("code", code).put("display", display);
        concept.put("text", display);
    }
}
