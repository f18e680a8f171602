package org.custodian.mpi.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class JaroWinklerTest {
    private final JaroWinklerSimilarity library = new JaroWinklerSimilarity();

    @Test
    void givesWhatCommonsTextGivesOnNamesAndAddressesWithTyposTranspositionsAndGaps() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String a = word(random, 1 + random.nextInt(i % 10 == 0 ? 80 : 30));
            String b = random.nextInt(3) == 0 ? word(random, 1 + random.nextInt(30)) : corrupt(random, a);
            assertThat(JaroWinkler.similarity(a, b)).as("%s / %s", a, b).isEqualTo(library.apply(a, b));
        }
    }

    @Test
    void knownValues() {
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.9611, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.8133, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("same", "same")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("", "a")).isZero();
    }

    private static String word(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(12) == 0 ? ' ' : (char) ('a' + random.nextInt(8)));
        }
        return out.toString();
    }

    private static String corrupt(SplittableRandom random, String a) {
        StringBuilder out = new StringBuilder(a);
        for (int edits = 1 + random.nextInt(3); edits > 0 && !out.isEmpty(); edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.setCharAt(at, (char) ('a' + random.nextInt(8)));
                case 1 -> out.deleteCharAt(at);
                case 2 -> out.insert(at, (char) ('a' + random.nextInt(8)));
                default -> {
                    if (at + 1 < out.length()) {
                        char c = out.charAt(at);
                        out.setCharAt(at, out.charAt(at + 1));
                        out.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return out.toString();
    }
}
