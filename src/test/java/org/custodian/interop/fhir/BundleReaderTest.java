package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        return BundleReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), visitor);
    }
}
