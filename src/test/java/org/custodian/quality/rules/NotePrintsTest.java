package org.custodian.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A note's prints survive storage unchanged; malformed or missing parts are refused, saying why. */
class NotePrintsTest {
    @Test
    void storedPrintsAndShinglesAreThePrintsOfTheText() {
        Random random = new Random(11);
        String text = IntStream.range(0, 300).mapToObj(i -> "w" + random.nextInt(60)).collect(Collectors.joining(" "));
        NotePrints prints = NotePrints.of(text);
        NotePrints stored = NotePrints.stored(prints.words(), prints.encodedPrints());
        assertThat(stored).isEqualTo(prints);
        assertThat(stored.hasShingles()).isFalse();
        assertThat(stored.words()).isEqualTo(300);
        assertThat(stored.fingerprints()).containsExactly(Winnowing.fingerprints(Winnowing.shingles(text)));
        assertThat(stored.withShingles(prints.encodedShingles()).shingles()).containsExactly(Winnowing.shingles(text));
        assertThat(NotePrints.of("too few words").words()).isZero();
    }

    @Test
    void malformedOrUnreadPartsAreRefused() {
        assertThatThrownBy(() -> NotePrints.stored(20, new byte[] {0, 0, 0, 1, 5})).hasMessageContaining("5 bytes");
        NotePrints stored = NotePrints.stored(20, new byte[8]);
        assertThatThrownBy(stored::shingles).hasMessageContaining("not read");
    }
}
