package org.custodian.quality.rules;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the copy-paste rule needs of a note's text: its word-shingle hashes in text order and their
 * winnowed fingerprints. A version's text never changes, so these are computed once ({@link #of}) and
 * kept in the database ({@link #encode}, {@link #decode}); a scan then reads them instead of the body.
 */
public final class NotePrints {
    private final long[] shingles;
    private final long[] prints;

    private NotePrints(long[] shingles, long[] prints) {
        this.shingles = shingles;
        this.prints = prints;
    }

    /** The prints of a note's text. */
    public static NotePrints of(String text) {
        long[] shingles = Winnowing.shingles(text);
        return new NotePrints(shingles, Winnowing.fingerprints(shingles));
    }

    /** Big-endian: the number of fingerprints, the fingerprints, then the shingle hashes. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(Integer.BYTES + Long.BYTES * (prints.length + shingles.length));
        out.putInt(prints.length);
        out.asLongBuffer().put(prints).put(shingles);
        return out.array();
    }

    /** The prints {@link #encode} wrote; a malformed value is refused, naming what is wrong. */
    public static NotePrints decode(byte[] bytes) {
        if (bytes.length < Integer.BYTES || (bytes.length - Integer.BYTES) % Long.BYTES != 0) {
            throw new IllegalArgumentException("note prints of " + bytes.length + " bytes: not a count and whole hashes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int count = in.getInt();
        int hashes = (bytes.length - Integer.BYTES) / Long.BYTES;
        if (count < 0 || count > hashes) {
            throw new IllegalArgumentException("note prints claim " + count + " fingerprints of " + hashes + " hashes");
        }
        long[] prints = new long[count];
        long[] shingles = new long[hashes - count];
        in.asLongBuffer().get(prints).get(shingles);
        return new NotePrints(shingles, prints);
    }

    /** The number of words of the text, as far as they form a shingle (0 for fewer than {@link Winnowing#K}). */
    int words() {
        return shingles.length == 0 ? 0 : shingles.length + Winnowing.K - 1;
    }

    long[] shingles() {
        return shingles;
    }

    long[] prints() {
        return prints;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotePrints other && Arrays.equals(shingles, other.shingles) && Arrays.equals(prints, other.prints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shingles) * 31 + Arrays.hashCode(prints);
    }

    @Override
    public String toString() {
        return "NotePrints[" + words() + " words, " + prints.length + " fingerprints]";
    }
}
