package org.custodian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The encounter notes of a Synthea patient bundle with what Synthea recorded for each encounter: the
 * SNOMED CT codes of the conditions diagnosed at it (the answer key of the coding benchmark) and
 * whether it was an inpatient stay.
 */
final class SyntheaNotes {
    private static final ObjectMapper JSON = new ObjectMapper();

    record EncounterNote(String file, String encounter, LocalDate date, boolean inpatient, String text,
                         List<String> conditions, List<String> conditionNames) {
    }

    private SyntheaNotes() {
    }

    static List<EncounterNote> read(Path bundle) throws IOException {
        JsonNode root = JSON.readTree(bundle.toFile());
        Map<String, Boolean> inpatient = new HashMap<>();
        Map<String, List<String>> conditions = new HashMap<>();
        Map<String, List<String>> names = new HashMap<>();
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            JsonNode r = entry.path("resource");
            switch (r.path("resourceType").asText()) {
                case "Encounter" -> inpatient.put(entry.path("fullUrl").asText(), "IMP".equals(r.path("class").path("code").asText()));
                case "Condition" -> {
                    String encounter = r.path("encounter").path("reference").asText();
                    JsonNode coding = r.path("code").path("coding").path(0);
                    conditions.computeIfAbsent(encounter, k -> new ArrayList<>()).add(coding.path("code").asText());
                    names.computeIfAbsent(encounter, k -> new ArrayList<>()).add(coding.path("display").asText());
                }
                case "DocumentReference" -> documents.add(r);
                default -> {
                }
            }
        }
        List<EncounterNote> notes = new ArrayList<>();
        for (JsonNode d : documents) {
            String encounter = d.path("context").path("encounter").path(0).path("reference").asText();
            String data = d.path("content").path(0).path("attachment").path("data").asText();
            String text = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
            LocalDate date = LocalDate.parse(d.path("date").asText().substring(0, 10));
            notes.add(new EncounterNote(bundle.getFileName().toString(), encounter, date,
                    inpatient.getOrDefault(encounter, false), text, conditions.getOrDefault(encounter, List.of()),
                    names.getOrDefault(encounter, List.of())));
        }
        return notes;
    }
}
