package org.custodian.interop.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a FHIR Bundle's entries one at a time, so a bundle of any size costs the memory of its
 * largest entry, never of the whole file. Syntax errors are reported at the entry they occur in.
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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static int read(InputStream in, EntryVisitor visitor) throws IOException {
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
                        JsonNode entry = JSON.readTree(parser);
                        if (!visitor.visit(position.entries++, entry)) {
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
