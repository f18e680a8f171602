package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleReaderTest {
    @Test
    void visitsEntriesInOrderWhereverTheEntryArraySitsAndStopsWhenAsked() throws IOException {
        List<String> seen = new ArrayList<>();
        int visited = read("""
                {"type": "transaction", "meta": {"tag": [1, 2]}, "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p"}},
                  {"resource": {"resourceType": "Encounter", "id": "e"}},
                  {"resource": {"resourceType": "Condition", "id": "c"}}
                ], "resourceType": "Bundle"}""", (index, entry) -> {
            seen.add(index + ":" + entry.at("/resource/id").asText());
            return true;
        });
        assertThat(seen).containsExactly("0:p", "1:e", "2:c");
        assertThat(visited).isEqualTo(3);

        seen.clear();
        read("""
                {"resourceType": "Bundle", "entry": [{"resource": {"id": "p"}}, {"resource": {"id": "e"}}, broken""",
                (index, entry) -> seen.add(entry.at("/resource/id").asText()) && false);
        assertThat(seen).containsExactly("p");
    }

    @Test
    void skipsResourcesOfTypesNotWantedAndBuildsTheOthersAsAWholeReadWould() throws IOException {
        String bundle = """
                {"resourceType": "Bundle", "entry": [
                  {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "id": "p", "name": [{"family": "Marsh"}],
                   "extension": [{"valueDecimal": 1.50}], "active": null}, "request": {"method": "POST"}},
                  {"fullUrl": "urn:uuid:2", "resource": {"resourceType": "ExplanationOfBenefit", "item": [{"a": [1, {"b": 2}]}]},
                   "request": {"method": "POST"}},
                  {"resource": {"id": "typed-last", "resourceType": "Claim"}},
                  {"resource": {}},
                  {"fullUrl": "urn:uuid:3", "resource": {"resourceType": "Observation", "id": "o"}}
                ]}""";
        List<Integer> indexes = new ArrayList<>();
        List<JsonNode> kept = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<JsonNode> whole = new ArrayList<>();

        int read = BundleReader.read(stream(bundle), type -> !type.equals("ExplanationOfBenefit") && !type.equals("Claim"),
                (i, e) -> indexes.add(i) && kept.add(e), skipped::add);
        read(bundle, (i, e) -> whole.add(e));

        assertThat(read).isEqualTo(5);
        assertThat(skipped).containsExactly("ExplanationOfBenefit");
        assertThat(indexes).as("a type the reader cannot see first is left to the visitor").containsExactly(0, 2, 3, 4);
        assertThat(kept).containsExactly(whole.get(0), whole.get(2), whole.get(3), whole.get(4));
        assertThat(kept.getFirst().at("/resource/extension/0/valueDecimal").decimalValue()).isEqualByComparingTo("1.50");
    }

    @Test
    void namesWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> read("[]", (i, e) -> true))
                .hasMessage("Bundle: a bundle is a JSON object");
        assertThatThrownBy(() -> read("{\"resourceType\": \"Patient\", \"entry\": []}", (i, e) -> true))
                .hasMessage("Bundle.resourceType: expected \"Bundle\" but was \"Patient\"");
        assertThatThrownBy(() -> read("{\"entry\": []}", (i, e) -> true))
                .hasMessage("Bundle.resourceType: expected \"Bundle\" but was missing");
        assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\", \"entry\": {}}", (i, e) -> true))
                .hasMessage("Bundle.entry: must be an array");
        assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\", \"entry\": [{}, 7]}", (i, e) -> true))
                .hasMessage("Bundle.entry[1]: must be an object");
        assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\",\n \"entry\": [{},\n {\"resource\": {\"id\": x}}]}",
                (i, e) -> true))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("Bundle.entry[1]: invalid JSON at line 3, column ")
                .hasMessageContaining("Unrecognized token 'x'");
    }

    private static int read(String json, BundleReader.EntryVisitor visitor) throws IOException {
        return BundleReader.read(stream(json), visitor);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
