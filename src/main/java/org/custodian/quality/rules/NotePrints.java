package org.custodian.quality.rules;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the copy-paste rule needs of a note's text: its number of words, its winnowed fingerprints and
 * its word-shingle hashes in text order. A version's text never changes, so these are computed once
 * ({@link #of}) and kept in the database. A scan reads the words and fingerprints ({@link #stored}),
 * which are small, and the shingles ({@link #withShingles}) only of notes sharing a fingerprint with
 * another note of the patient: the rule measures a shared passage only between such notes.
 */
public final class NotePrints {
    private final int words;
    private final long[] prints;
    private final long[] shingles;

    private NotePrints(int words, long[] prints, long[] shingles) {
        this.words = words;
        this.prints = prints;
        this.shingles = shingles;
    }

    /** The prints of a note's text, shingles included. */
    public static NotePrints of(String text) {
        long[] shingles = Winnowing.shingles(text);
        return new NotePrints(shingles.length == 0 ? 0 : shingles.length + Winnowing.K - 1,
                Winnowing.fingerprints(shingles), shingles);
    }

    /** Stored words and fingerprints ({@link #encodedPrints}), without the shingles yet. */
    public static NotePrints stored(int words, byte[] prints) {
        return new NotePrints(words, longs(prints, "fingerprints"), null);
    }

    /** These prints with their stored shingles ({@link #encodedShingles}). */
    public NotePrints withShingles(byte[] stored) {
        return new NotePrints(words, prints, longs(stored, "shingles"));
    }

    /** The number of words of the text, as far as they form a shingle (0 for fewer than {@link Winnowing#K}). */
    public int words() {
        return words;
    }

    public boolean hasShingles() {
        return shingles != null;
    }

    /** Whether the two notes share a fingerprint: every shared passage of {@code K + W - 1} words or more does. */
    public boolean sharesPrintWith(NotePrints other) {
        return Winnowing.overlap(prints, other.prints);
    }

    /** The fingerprints, each one a long, big-endian. */
    public byte[] encodedPrints() {
        return bytes(prints);
    }

    /** The shingle hashes in text order, each one a long, big-endian. */
    public byte[] encodedShingles() {
        return bytes(shingles());
    }

    long[] fingerprints() {
        return prints;
    }

    long[] shingles() {
        if (shingles == null) {
            throw new IllegalStateException("the shingles of this note were not read (it shares no fingerprint)");
        }
        return shingles;
    }

    private static byte[] bytes(long[] values) {
        ByteBuffer out = ByteBuffer.allocate(Long.BYTES * values.length);
        out.asLongBuffer().put(values);
        return out.array();
    }

    private static long[] longs(byte[] bytes, String what) {
        if (bytes.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("stored " + what + " of " + bytes.length + " bytes: not whole hashes");
        }
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }

    /** Equal when the words and fingerprints are (whether the shingles were read or not). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NotePrints other && words == other.words && Arrays.equals(prints, other.prints);
    }

    @Override
    public int hashCode() {
        return words * 31 + Arrays.hashCode(prints);
    }

    @Override
    public String toString() {
        return "NotePrints[" + words + " words, " + prints.length + " fingerprints"
                + (shingles == null ? "" : ", shingles") + "]";
    }
}
