package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B and RFC 4226 appendix D test vectors (SHA-1), truncated to six digits. */
class TotpTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc4226HotpVectors() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
                "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(SECRET, counter)).as("counter " + counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void matchesTheRfc6238TotpVectors() {
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftButNotTwoAndNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step - 2), now, 0)).isEmpty();
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step), now, step)).as("replay").isEmpty();
        assertThat(Totp.verify(SECRET, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndReadsTheRfc4648Vectors() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("mzxw6ytboi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(SECRET))).isEqualTo(SECRET);
    }
}
