package org.custodian.disclosure;

/** Where PHI was found: characters {@code [start, end)} of the text, and what kind it is. */
public record PhiSpan(int start, int end, PhiType type) {
    public PhiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a PHI span needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
