package org.custodian.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A note's prints survive storage unchanged; malformed stored prints are refused, saying why. */
class NotePrintsTest {
    @Test
    void encodedPrintsDecodeToTheSameShinglesAndFingerprints() {
        Random random = new Random(11);
        String text = IntStream.range(0, 300).mapToObj(i -> "w" + random.nextInt(60)).collect(Collectors.joining(" "));
        NotePrints prints = NotePrints.of(text);
        NotePrints decoded = NotePrints.decode(prints.encode());
        assertThat(decoded).isEqualTo(prints);
        assertThat(decoded.shingles()).containsExactly(Winnowing.shingles(text));
        assertThat(decoded.prints()).containsExactly(Winnowing.fingerprints(Winnowing.shingles(text)));
        assertThat(decoded.words()).isEqualTo(300);
        assertThat(NotePrints.decode(NotePrints.of("too few words").encode()).words()).isZero();
    }

    @Test
    void malformedPrintsAreRefused() {
        assertThatThrownBy(() -> NotePrints.decode(new byte[] {0, 0, 0, 1, 5})).hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> NotePrints.decode(new byte[] {0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1}))
                .hasMessageContaining("claim 2 fingerprints of 1 hashes");
    }
}
