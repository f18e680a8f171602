package org.custodian.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, six
 * digits, as every authenticator app expects. A code is accepted one step either side for clock
 * drift, and never for a step at or before the last one used (no replay).
 */
final class Totp {
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final int WINDOW = 1;

    private Totp() {
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4226 section 5.3: dynamic truncation of HMAC-SHA1(secret, counter) to six digits. */
    static String code(byte[] secret, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** The step the code matches, if it is current (within the window) and later than {@code lastUsedStep}. */
    static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean same = MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes());
            if (same && s > lastUsedStep) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }
}
