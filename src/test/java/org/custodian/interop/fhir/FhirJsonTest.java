package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FhirJsonTest {
    @Test
    void readsEveryPrecisionOfAFhirDateTime() throws Exception {
        JsonNode node = TestBundles.JSON.readTree("""
                {"y": "2024", "m": "2024-05", "d": "2024-05-02", "t": "2024-05-02T22:30:00.451-04:00", "bad": "May 2"}""");
        assertThat(FhirJson.instant(node, "/y")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(FhirJson.instant(node, "/m")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(FhirJson.instant(node, "/d")).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(FhirJson.instant(node, "/t")).isEqualTo(Instant.parse("2024-05-03T02:30:00.451Z"));
        assertThat(FhirJson.instant(node, "/missing")).isNull();
        assertThatThrownBy(() -> FhirJson.instant(node, "/bad")).hasMessage("bad: is not a FHIR dateTime: May 2");
    }

    @Test
    void namesLocationsTheFhirWayAndReadsConditionalReferences() {
        assertThat(FhirJson.path("/code/coding/0/code")).isEqualTo("code.coding[0].code");
        assertThat(FhirJson.conditionalIdentifier("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999957191"))
                .isEqualTo("9999957191");
        assertThat(FhirJson.conditionalIdentifier("urn:uuid:1234")).isNull();
    }
}
