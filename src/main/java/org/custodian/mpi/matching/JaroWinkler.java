package org.custodian.mpi.matching;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Jaro–Winkler similarity without allocating: the matched characters of strings up to 64 long are
 * held as bits of two longs. Gives exactly what commons-text's {@link JaroWinklerSimilarity} gives
 * (same matching window, transpositions and prefix boost), which longer strings fall back to. The
 * engine compares millions of pairs, and the library's arrays per call were most of its time.
 */
public final class JaroWinkler {
    private static final JaroWinklerSimilarity LONG_STRINGS = new JaroWinklerSimilarity();
    private static final double BOOST_THRESHOLD = 0.7;
    private static final double SCALING = 0.1;
    private static final int PREFIX = 4;

    private JaroWinkler() {
    }

    public static double similarity(String left, String right) {
        if (left.equals(right)) {
            return 1.0;
        }
        String max = left.length() > right.length() ? left : right;
        String min = max == left ? right : left;
        if (max.length() > Long.SIZE) {
            return LONG_STRINGS.apply(left, right);
        }
        int range = Math.max(max.length() / 2 - 1, 0);
        long minMatched = 0;
        long maxMatched = 0;
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            char c = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), end = Math.min(mi + range + 1, max.length()); xi < end; xi++) {
                if ((maxMatched & 1L << xi) == 0 && c == max.charAt(xi)) {
                    minMatched |= 1L << mi;
                    maxMatched |= 1L << xi;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        long a = minMatched;
        long b = maxMatched;
        while (a != 0) {
            if (min.charAt(Long.numberOfTrailingZeros(a)) != max.charAt(Long.numberOfTrailingZeros(b))) {
                halfTranspositions++;
            }
            a &= a - 1;
            b &= b - 1;
        }
        int prefix = 0;
        for (int i = 0, n = Math.min(PREFIX, min.length()); i < n && left.charAt(i) == right.charAt(i); i++) {
            prefix++;
        }
        double m = matches;
        double jaro = (m / left.length() + m / right.length() + (m - halfTranspositions / 2.0) / m) / 3;
        return jaro < BOOST_THRESHOLD ? jaro : jaro + SCALING * prefix * (1 - jaro);
    }
}
