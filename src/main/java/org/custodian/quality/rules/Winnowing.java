package org.custodian.quality.rules;

import java.util.Arrays;

/**
 * Document fingerprints by winnowing (Schleimer, Wilkerson and Aiken 2003) over word shingles: any
 * passage of at least {@code K + W - 1} words shared by two texts shares a fingerprint, so
 * fingerprints find candidate pairs cheaply; {@link #longestSharedRun} then measures the passage.
 * Works on primitive arrays: a full scan fingerprints millions of notes.
 */
final class Winnowing {
    static final int K = 10;
    static final int W = 8;
    /** Each ASCII character folded: its lower case if a letter or digit, else -1. */
    private static final int[] ASCII = new int[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
        }
    }

    private Winnowing() {
    }

    /** Word shingle hashes: element i covers words i .. i+K-1 (letters and digits, case ignored). */
    static long[] shingles(String text) {
        long[] words = new long[Math.max(16, text.length() / 5)];
        int count = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            int folded = fold(c);
            if (folded >= 0) {
                h = h * 31 + folded;
                inWord = true;
            } else if (inWord) {
                if (count == words.length) {
                    words = Arrays.copyOf(words, count * 2);
                }
                words[count++] = mix(h);
                h = 0;
                inWord = false;
            }
        }
        int shingles = count - K + 1;
        if (shingles <= 0) {
            return new long[0];
        }
        long[] hashes = new long[shingles];
        for (int i = 0; i < shingles; i++) {
            long s = 0;
            for (int j = 0; j < K; j++) {
                s = s * 0x100000001B3L + words[i + j];
            }
            hashes[i] = mix(s);
        }
        return hashes;
    }

    /** A letter or digit in lower case, -1 for anything else; ASCII, by far the most common, by table. */
    private static int fold(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
    }

    /** The minimum hash of every window of W shingles, sorted and without repeats. */
    static long[] fingerprints(long[] shingles) {
        if (shingles.length == 0) {
            return shingles;
        }
        int windows = Math.max(1, shingles.length - W + 1);
        long[] chosen = new long[windows];
        int n = 0;
        for (int start = 0; start < windows; start++) {
            long min = Long.MAX_VALUE;
            for (int i = start; i < Math.min(shingles.length, start + W); i++) {
                min = Math.min(min, shingles[i]);
            }
            // neighbouring windows mostly share their minimum: keep it once
            if (n == 0 || chosen[n - 1] != min) {
                chosen[n++] = min;
            }
        }
        Arrays.sort(chosen, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || chosen[distinct - 1] != chosen[i]) {
                chosen[distinct++] = chosen[i];
            }
        }
        return Arrays.copyOf(chosen, distinct);
    }

    /** Whether two sorted fingerprint arrays share a value. */
    static boolean overlap(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The longest passage, in words, that the later text shares word for word with the earlier one. */
    static int longestSharedRun(long[] earlier, long[] later) {
        long[] known = earlier.clone();
        Arrays.sort(known);
        int best = 0;
        int run = 0;
        for (long h : later) {
            run = Arrays.binarySearch(known, h) >= 0 ? run + 1 : 0;
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
