package org.custodian.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The SHA-256 link of one audit event: over every field, each length-prefixed so that no two
 * different events encode alike, and over the previous event's hash.
 */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds; hashing the same precision lets the stored row verify. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String previousHash, AuditEvent e) {
        StringBuilder text = new StringBuilder(256);
        append(text, previousHash);
        append(text, Long.toString(e.seq()));
        append(text, e.occurredAt().toString());
        append(text, e.username());
        append(text, e.roles());
        append(text, e.action().name());
        append(text, e.outcome().name());
        append(text, e.patientId() == null ? null : e.patientId().toString());
        append(text, e.resourceType());
        append(text, e.resourceId());
        append(text, e.detail());
        append(text, e.clientAddress());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e1);
        }
    }

    private static void append(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('|');
    }
}
