package org.custodian.mpi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.custodian.record.Sex;

/**
 * Streams the Patient resources out of Synthea's FHIR output: transaction bundles
 * ({@code *.json}, one per patient, up to tens of MB each) or bulk NDJSON ({@code Patient*.ndjson}).
 * Only Patient resources are built as trees; every other resource is skipped token by token.
 */
final class SyntheaPatientReader {
    static final String SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> warnings;

    SyntheaPatientReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** The files to read: {@code DIR/fhir} if there is one, else {@code DIR} itself. */
    static List<Path> files(Path directory) throws IOException {
        Path fhir = Files.isDirectory(directory.resolve("fhir")) ? directory.resolve("fhir") : directory;
        try (Stream<Path> files = Files.list(fhir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".json") || name.startsWith("Patient") && name.endsWith(".ndjson");
            }).sorted().toList();
        }
    }

    /** Hands each Patient in {@code file} to {@code sink}; JSON that is not says where. */
    void read(Path file, Consumer<PeopleSource.BasePerson> sink) throws IOException {
        try {
            readFile(file, sink);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException(file + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
    }

    private void readFile(Path file, Consumer<PeopleSource.BasePerson> sink) throws IOException {
        if (file.getFileName().toString().endsWith(".ndjson")) {
            readLines(file, sink);
            return;
        }
        try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ": not a JSON object at " + where(parser));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                    entries(parser, file, sink);
                } else if (field.equals("resourceType") && !parser.getText().equals("Bundle")) {
                    resourceAfterType(parser, parser.getText(), file, sink);
                    return;
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private void readLines(Path file, Consumer<PeopleSource.BasePerson> sink) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode resource;
                try {
                    resource = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IOException(file + ": not valid JSON at line " + number + ": " + e.getOriginalMessage(), e);
                }
                if ("Patient".equals(resource.path("resourceType").asText())) {
                    sink.accept(person(resource, file + " line " + number));
                }
            }
        }
    }

    private void entries(JsonParser parser, Path file, Consumer<PeopleSource.BasePerson> sink) throws IOException {
        int index = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("resource") && parser.currentToken() == JsonToken.START_OBJECT) {
                    resource(parser, file + " Bundle.entry[" + index + "]", sink);
                } else {
                    parser.skipChildren();
                }
            }
            index++;
        }
    }

    /** Reads one resource object (the parser on its START_OBJECT), building it only if it is a Patient. */
    private void resource(JsonParser parser, String where, Consumer<PeopleSource.BasePerson> sink) throws IOException {
        ObjectNode resource = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("resourceType") && !parser.getText().equals("Patient")) {
                skipRestOfObject(parser);
                return;
            }
            resource.set(field, JSON.readTree(parser));
        }
        if ("Patient".equals(resource.path("resourceType").asText())) {
            sink.accept(person(resource, where));
        }
    }

    private void resourceAfterType(JsonParser parser, String type, Path file, Consumer<PeopleSource.BasePerson> sink)
            throws IOException {
        if (!type.equals("Patient")) {
            return;
        }
        ObjectNode resource = JSON.createObjectNode().put("resourceType", type);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            resource.set(field, JSON.readTree(parser));
        }
        sink.accept(person(resource, file.toString()));
    }

    /** Skips the fields left in the current object, nested values whole. */
    private static void skipRestOfObject(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
    }

    private static String where(JsonParser parser) {
        var location = parser.currentLocation();
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Maps a Patient to the MPI's demographics; its id is its MRN (or, without one, its resource id). */
    PeopleSource.BasePerson person(JsonNode patient, String where) {
        JsonNode official = name(patient, "official");
        JsonNode maiden = name(patient, "maiden");
        JsonNode address = first(patient.path("address"), "home");
        JsonNode lines = address.path("line");
        String id = identifier(patient, "MR", null);
        if (id == null) {
            id = text(patient.path("id"));
        }
        if (id == null) {
            throw new IllegalArgumentException(where + ": Patient has neither an MRN nor an id");
        }
        String maidenName = maiden.isMissingNode() ? null : withoutDigits(text(maiden.path("family")));
        return new PeopleSource.BasePerson(new Demographics(id,
                withoutDigits(text(official.path("given").path(0))), withoutDigits(text(official.path("family"))),
                birthDate(text(patient.path("birthDate")), where), sex(text(patient.path("gender")), where),
                lines.isArray() && !lines.isEmpty() ? text(lines.path(0)) : null, text(address.path("city")),
                text(address.path("state")), text(address.path("postalCode")), phone(patient),
                identifier(patient, null, SSN_SYSTEM)), maidenName);
    }

    private static JsonNode name(JsonNode patient, String use) {
        JsonNode names = patient.path("name");
        for (JsonNode name : names) {
            if (use.equals(name.path("use").asText())) {
                return name;
            }
        }
        if (use.equals("official")) {
            for (JsonNode name : names) {
                if (!name.path("use").asText().equals("maiden")) {
                    return name;
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode first(JsonNode array, String use) {
        for (JsonNode item : array) {
            if (use.equals(item.path("use").asText())) {
                return item;
            }
        }
        return array.path(0);
    }

    private static String phone(JsonNode patient) {
        JsonNode best = null;
        for (JsonNode telecom : patient.path("telecom")) {
            if (telecom.path("system").asText().equals("phone")
                    && (best == null || telecom.path("use").asText().equals("home"))) {
                best = telecom;
            }
        }
        return best == null ? null : text(best.path("value"));
    }

    /** The value of the identifier with this type code (e.g. MR) or this system. */
    private static String identifier(JsonNode patient, String typeCode, String system) {
        for (JsonNode identifier : patient.path("identifier")) {
            if (system != null && system.equals(identifier.path("system").asText())) {
                return text(identifier.path("value"));
            }
            if (typeCode != null) {
                for (JsonNode coding : identifier.path("type").path("coding")) {
                    if (typeCode.equals(coding.path("code").asText())) {
                        return text(identifier.path("value"));
                    }
                }
            }
        }
        return null;
    }

    private LocalDate birthDate(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            warnings.accept(where + ": Patient.birthDate '" + text + "' is not a full date; read as missing");
            return null;
        }
    }

    private Sex sex(String code, String where) {
        try {
            return Sex.fromCode(code);
        } catch (IllegalArgumentException e) {
            warnings.accept(where + ": Patient.gender '" + code + "' is not a FHIR gender; read as unknown");
            return Sex.UNKNOWN;
        }
    }

    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Synthea's default appends digits to names to keep them unique ("Adelle123"); people's names carry
     * none, and unique names would make matching unrealistically easy.
     */
    static String withoutDigits(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.replaceAll("\\d+$", "").strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
