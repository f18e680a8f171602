package org.custodian.mpi.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * How common each given and family name is. Two records agreeing on "smith" say less than two
 * agreeing on "okonkwo": the exact-agreement weight is adjusted by log2(u / frequency of the value).
 * Below {@link #MIN_RECORDS} records frequencies are noise, so no adjustment is made.
 */
public final class TermFrequencies {
    public static final int MIN_RECORDS = 1_000;
    private static final double MAX_ADJUSTMENT = 6.0;

    private final Map<String, Integer> given;
    private final Map<String, Integer> family;
    private final long records;

    public TermFrequencies(Map<String, Integer> given, Map<String, Integer> family, long records) {
        this.given = given;
        this.family = family;
        this.records = records;
    }

    public static TermFrequencies of(Iterable<Prepared> records) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> family = new HashMap<>();
        long n = 0;
        for (Prepared p : records) {
            n++;
            if (p.given() != null) {
                given.merge(p.given(), 1, Integer::sum);
            }
            if (p.family() != null) {
                family.merge(p.family(), 1, Integer::sum);
            }
        }
        return new TermFrequencies(given, family, n);
    }

    public static TermFrequencies none() {
        return new TermFrequencies(Map.of(), Map.of(), 0);
    }

    public long records() {
        return records;
    }

    /** The weight change for exact agreement on this value, given the field's average u for exact. */
    public double adjustment(Field field, String value, double uExact) {
        if (records < MIN_RECORDS || value == null) {
            return 0;
        }
        Integer count = (field == Field.GIVEN ? given : family).get(value);
        if (count == null) {
            return 0;
        }
        double frequency = (double) count / records;
        double adjustment = Math.log(uExact / frequency) / Math.log(2);
        return Math.clamp(adjustment, -MAX_ADJUSTMENT, MAX_ADJUSTMENT);
    }
}
