package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Which way a POSTed bundle goes, told from its type and first entry without reading it whole.
 * Synthea's bundles (a patient bundle starting with its Patient, hospital and practitioner bundles)
 * stream through the importer; every other transaction, and every batch, goes entry by entry
 * through {@link GeneralBundles}. A patient bundle addressed to our facilities (MRNs in our
 * systems) is a general one too.
 */
enum BundleShape {
    SYNTHEA_TRANSACTION, GENERAL_TRANSACTION, BATCH;

    private static final Set<String> SYNTHEA_FIRST = Set.of("Patient", "Organization", "Location", "Practitioner",
            "PractitionerRole");
    private static final JsonFactory JSON = new JsonFactory();

    static BundleShape of(Path bundle) {
        String type = topLevelType(bundle);
        if ("batch".equals(type)) {
            return BATCH;
        }
        JsonNode[] first = new JsonNode[1];
        BundleReader.read(bundle, (index, entry) -> {
            first[0] = entry;
            return false;
        });
        if (first[0] == null) {
            return SYNTHEA_TRANSACTION;
        }
        if (SYNTHEA_FIRST.contains(String.valueOf(text(first[0], "/resource/resourceType")))) {
            return general(first[0]) ? GENERAL_TRANSACTION : SYNTHEA_TRANSACTION;
        }
        // facts before their Patient: Synthea's shape if a Patient of its kind comes later
        boolean[] syntheaPatient = new boolean[1];
        boolean[] generalEntry = new boolean[1];
        BundleReader.read(bundle, (index, entry) -> {
            generalEntry[0] |= general(entry);
            syntheaPatient[0] |= "Patient".equals(text(entry, "/resource/resourceType"));
            return !generalEntry[0];
        });
        return syntheaPatient[0] && !generalEntry[0] ? SYNTHEA_TRANSACTION : GENERAL_TRANSACTION;
    }

    /** An entry only the general path takes: a PUT, or a resource carrying one of our MRNs. */
    private static boolean general(JsonNode entry) {
        if ("PUT".equals(text(entry, "/request/method"))) {
            return true;
        }
        for (JsonNode identifier : entry.path("resource").path("identifier")) {
            if (FhirIds.facilityCodeOf(text(identifier, "/system")) != null) {
                return true;
            }
        }
        return false;
    }

    /** Bundle.type, read by skipping over everything else; null when it is absent or the JSON is broken. */
    private static String topLevelType(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("type")) {
                    return parser.getValueAsString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // the reader that follows names the broken place
        }
    }
}
