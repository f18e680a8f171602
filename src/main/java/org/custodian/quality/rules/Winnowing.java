package org.custodian.quality.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Document fingerprints by winnowing (Schleimer, Wilkerson and Aiken 2003) over word shingles: any
 * passage of at least {@code k + w - 1} words shared by two texts shares a fingerprint, so
 * fingerprints find candidate pairs cheaply; {@link #longestSharedRun} then measures the passage.
 */
final class Winnowing {
    static final int K = 10;
    static final int W = 8;

    private Winnowing() {
    }

    /** Word shingle hashes: element i covers words i .. i+K-1 (lower-cased letters and digits). */
    static long[] shingles(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        int n = words.size() - K + 1;
        if (n <= 0) {
            return new long[0];
        }
        long[] wordHashes = words.stream().mapToLong(w -> mix(w.hashCode())).toArray();
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0;
            for (int j = 0; j < K; j++) {
                h = h * 0x100000001B3L + wordHashes[i + j];
            }
            hashes[i] = mix(h);
        }
        return hashes;
    }

    /** The minimum hash of every window of W shingles (rightmost on ties), each counted once. */
    static Set<Long> fingerprints(long[] shingles) {
        Set<Long> chosen = new HashSet<>();
        if (shingles.length == 0) {
            return chosen;
        }
        int windows = Math.max(1, shingles.length - W + 1);
        for (int start = 0; start < windows; start++) {
            long min = Long.MAX_VALUE;
            for (int i = start; i < Math.min(shingles.length, start + W); i++) {
                if (shingles[i] <= min) {
                    min = shingles[i];
                }
            }
            chosen.add(min);
        }
        return chosen;
    }

    /** The longest passage, in words, that the later text shares word for word with the earlier one. */
    static int longestSharedRun(long[] earlier, long[] later) {
        Set<Long> known = new HashSet<>(earlier.length * 2);
        for (long h : earlier) {
            known.add(h);
        }
        int best = 0;
        int run = 0;
        for (long h : later) {
            run = known.contains(h) ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best == 0 ? 0 : best + K - 1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
