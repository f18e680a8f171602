package org.custodian.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Fingerprints of word shingles: case and punctuation ignored, any letters, windows' minima sorted once each. */
class WinnowingTest {
    @Test
    void caseAndPunctuationDoNotChangeTheShinglesButLettersBeyondAsciiCount() {
        String words = "Patient seen in clinic; café au lait spots noted, Ölmann sign negative, plan to follow up soon";
        assertThat(Winnowing.shingles(words.toUpperCase().replace(";", " --")))
                .containsExactly(Winnowing.shingles(words));
        assertThat(Winnowing.shingles(words.replace("café", "cafe"))).isNotEqualTo(Winnowing.shingles(words));
        assertThat(Winnowing.shingles("too few words here")).isEmpty();
    }

    @Test
    void fingerprintsAreEveryWindowsMinimumSortedWithoutRepeats() {
        Random random = new Random(3);
        String text = IntStream.range(0, 400).mapToObj(i -> "w" + random.nextInt(50)).collect(Collectors.joining(" "));
        long[] shingles = Winnowing.shingles(text);
        long[] expected = IntStream.rangeClosed(0, shingles.length - Winnowing.W)
                .mapToLong(start -> Arrays.stream(shingles, start, start + Winnowing.W).min().orElseThrow())
                .sorted().distinct().toArray();
        assertThat(Winnowing.fingerprints(shingles)).containsExactly(expected);
    }

    @Test
    void aSharedPassageOfKPlusWMinusOneWordsAlwaysSharesAFingerprint() {
        Random random = new Random(5);
        String passage = IntStream.range(0, Winnowing.K + Winnowing.W - 1).mapToObj(i -> "p" + random.nextInt(1000))
                .collect(Collectors.joining(" "));
        long[] a = Winnowing.fingerprints(Winnowing.shingles("alpha beta gamma " + passage + " delta"));
        long[] b = Winnowing.fingerprints(Winnowing.shingles("one two " + passage + " three four five"));
        assertThat(Winnowing.overlap(a, b)).isTrue();
    }
}
