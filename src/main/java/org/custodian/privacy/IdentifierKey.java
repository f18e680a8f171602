package org.custodian.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that seals identifiers, kept outside the database: from {@code CUSTODIAN_IDENTIFIER_KEY}
 * (base64, 32 bytes) or from {@code DATA/keys/identifier.key}, created on first start, owner-only.
 */
record IdentifierKey(byte[] bytes) {
    static final String VARIABLE = "CUSTODIAN_IDENTIFIER_KEY";

    IdentifierKey {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("identifier key must be 32 bytes (AES-256), got " + bytes.length);
        }
    }

    static IdentifierKey load(Path dataDirectory, String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new IdentifierKey(decode(fromEnvironment, VARIABLE));
        }
        Path file = file(dataDirectory);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            IdentifierKey fresh = random();
            fresh.writeTo(file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the identifier key " + file + ": " + e.getMessage(), e);
        }
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve("keys").resolve("identifier.key");
    }

    static IdentifierKey random() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return new IdentifierKey(fresh);
    }

    static IdentifierKey read(Path file) throws IOException {
        return new IdentifierKey(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
    }

    /** Writes the key readable by its owner only (where the file system has POSIX permissions). */
    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system decides; nothing more to do
        }
    }

    private static byte[] decode(String text, String where) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identifier key in " + where + " is not valid base64", e);
        }
    }
}
