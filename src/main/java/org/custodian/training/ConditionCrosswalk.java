package org.custodian.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Synthea's SNOMED CT to ICD-10-CM map for conditions ({@code export/condition_code_map.json} of the
 * Synthea jar), which {@code custodian training sandbox} copies into {@code files/training/} of the data
 * folder. Read once, on first use; without the file, Synthea conditions suggest no ICD-10-CM code.
 */
@Component
class ConditionCrosswalk {
    static final String FILE = "files/training/condition_code_map.json";

    record Icd10(String code, String description) {
    }

    private final Path file;
    private volatile Map<String, Icd10> map;

    ConditionCrosswalk(@Value("${custodian.data-directory:custodian-data}") Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    Optional<Icd10> icd10(String snomed) {
        return Optional.ofNullable(map().get(snomed));
    }

    private Map<String, Icd10> map() {
        if (map == null) {
            map = Files.isRegularFile(file) ? read(file) : Map.of();
        }
        return map;
    }

    static Map<String, Icd10> read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            Map<String, Icd10> codes = new HashMap<>();
            root.properties().forEach(e -> {
                JsonNode first = e.getValue().path(0);
                if (first.hasNonNull("code")) {
                    codes.put(e.getKey(), new Icd10(first.get("code").asText(), first.path("description").asText("")));
                }
            });
            return Map.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the condition map " + file + ": " + e.getMessage(), e);
        }
    }
}
