package org.custodian.interop.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams a FHIR Bundle's entries one at a time, so a bundle of any size costs the memory of its
 * largest entry, never of the whole file. Syntax errors are reported at the entry they occur in.
 * A reader told which resource types it wants skips the others without building their trees (a
 * Synthea bundle is about a third claims, explanations of benefit and reports the record does not hold).
 */
final class BundleReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Receives each entry; returns false to stop reading. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(int index, JsonNode entry);
    }

    private BundleReader() {
    }

    /** Reads the bundle; returns the number of entries visited. */
    static int read(Path file, EntryVisitor visitor) {
        return read(file, type -> true, visitor, type -> { });
    }

    /**
     * Reads the bundle, visiting the entries whose resource is of a wanted type (or has no type the
     * reader can see first); the others go to {@code skipped} by type. Returns the number of entries read.
     */
    static int read(Path file, Predicate<String> wanted, EntryVisitor visitor, Consumer<String> skipped) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, wanted, visitor, skipped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static int read(InputStream in, EntryVisitor visitor) throws IOException {
        return read(in, type -> true, visitor, type -> { });
    }

    static int read(InputStream in, Predicate<String> wanted, EntryVisitor visitor, Consumer<String> skipped)
            throws IOException {
        var position = new Object() {
            String where = "Bundle";
            int entries;
        };
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BundleException("Bundle", "a bundle is a JSON object");
            }
            String resourceType = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("resourceType")) {
                    resourceType = parser.getValueAsString();
                    requireBundle(resourceType);
                } else if (field.equals("entry")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new BundleException("Bundle.entry", "must be an array");
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        position.where = "Bundle.entry[" + position.entries + "]";
                        if (parser.currentToken() != JsonToken.START_OBJECT) {
                            throw new BundleException(position.where, "must be an object");
                        }
                        JsonNode entry = entry(parser, wanted, skipped);
                        int index = position.entries++;
                        if (entry != null && !visitor.visit(index, entry)) {
                            return position.entries;
                        }
                    }
                    position.where = "Bundle";
                } else {
                    parser.skipChildren();
                }
            }
            requireBundle(resourceType);
            return position.entries;
        } catch (JsonProcessingException e) {
            throw new BundleException(position.where, invalidJson(e));
        }
    }

    /**
     * The entry the parser is at (its START_OBJECT) as a tree; null, with the rest of the entry skipped,
     * when its resource names a type not wanted as its first field (as Synthea and most writers put it).
     */
    private static JsonNode entry(JsonParser parser, Predicate<String> wanted, Consumer<String> skipped)
            throws IOException {
        ObjectNode entry = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT || !field.equals("resource")) {
                entry.set(field, JSON.readTree(parser));
                continue;
            }
            ObjectNode resource = JSON.createObjectNode();
            entry.set(field, resource);
            if (parser.nextToken() != JsonToken.FIELD_NAME) {
                continue; // an empty resource
            }
            String first = parser.currentName();
            JsonToken firstValue = parser.nextToken();
            if (first.equals("resourceType") && firstValue == JsonToken.VALUE_STRING && !wanted.test(parser.getText())) {
                skipped.accept(parser.getText());
                skipRest(parser); // of the resource
                skipRest(parser); // of the entry
                return null;
            }
            resource.set(first, JSON.readTree(parser));
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                resource.set(name, JSON.readTree(parser));
            }
        }
        return entry;
    }

    /** Skips the remaining fields of the object the parser is in, up to and including its END_OBJECT. */
    private static void skipRest(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
    }

    private static void requireBundle(String resourceType) {
        if (!"Bundle".equals(resourceType)) {
            throw new BundleException("Bundle.resourceType", "expected \"Bundle\" but was "
                    + (resourceType == null ? "missing" : "\"" + resourceType + "\""));
        }
    }

    private static String invalidJson(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "invalid JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }
}
