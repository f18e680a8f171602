package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whatever a client POSTs, routing a bundle ends in one of its shapes and reading it in entries or
 * a rejection naming where; whatever a resource's references say, they resolve or are a 4xx naming
 * the element. Seeds in {@code FhirInputFuzzTestInputs/}; {@code JAZZER_FUZZ=1} searches for more.
 */
class FhirInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void bundlesAreRoutedAndReadOrRejectedWithAPlace(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz-bundle-", ".json");
        try {
            Files.write(file, data);
            try {
                assertThat(BundleShape.of(file)).isNotNull();
                BundleReader.read(file, (index, entry) -> true);
            } catch (BundleException rejected) {
                assertThat(rejected.where()).startsWith("Bundle");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void referencesResolveOrNameTheElement(byte[] data) {
        JsonNode resource;
        try {
            resource = JSON.readTree(data);
        } catch (IOException notJson) {
            return;
        }
        if (resource == null) {
            return;
        }
        for (String element : new String[] {"subject", "encounter", "context.encounter[0]", "author[0]"}) {
            try {
                RecordRefs.optional(resource, "Condition", element, "Patient");
            } catch (BaseServerResponseException rejected) {
                assertThat(rejected.getStatusCode()).isBetween(400, 499);
                assertThat(rejected.getMessage()).contains("Condition.");
            }
        }
    }
}
