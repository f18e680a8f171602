package org.custodian.mpi.matching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * How common each given name, family name and birth date is in the index at hand. Two records
 * agreeing on "smith" say less than two agreeing on "okonkwo", and two born on a placeholder date
 * (1 January 1900) less than two born on an ordinary day: the exact-agreement weight of each of
 * these fields is adjusted by log2(u / frequency of the value), so the name and birth-date
 * agreement of a pair weighs what the values it agrees on are worth (Splink's term-frequency
 * adjustment, u per value). Below {@link #MIN_RECORDS} records frequencies are noise, so no
 * adjustment is made.
 */
public final class TermFrequencies {
    public static final int MIN_RECORDS = 1_000;
    private static final double MAX_ADJUSTMENT = 6.0;

    private final Map<String, Integer> given;
    private final Map<String, Integer> family;
    private final Map<LocalDate, Integer> birthDates;
    private final long records;

    public TermFrequencies(Map<String, Integer> given, Map<String, Integer> family, Map<LocalDate, Integer> birthDates,
                           long records) {
        this.given = given;
        this.family = family;
        this.birthDates = birthDates;
        this.records = records;
    }

    public static TermFrequencies of(Iterable<Prepared> records) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> family = new HashMap<>();
        Map<LocalDate, Integer> birthDates = new HashMap<>();
        long n = 0;
        for (Prepared p : records) {
            n++;
            if (p.given() != null) {
                given.merge(p.given(), 1, Integer::sum);
            }
            if (p.family() != null) {
                family.merge(p.family(), 1, Integer::sum);
            }
            if (p.birthDate() != null) {
                birthDates.merge(p.birthDate(), 1, Integer::sum);
            }
        }
        return new TermFrequencies(given, family, birthDates, n);
    }

    public static TermFrequencies none() {
        return new TermFrequencies(Map.of(), Map.of(), Map.of(), 0);
    }

    /** The number of records the frequencies were counted over: the size of the index at hand. */
    public long records() {
        return records;
    }

    /** Whether the field's exact agreement is adjusted by the value's frequency. */
    static boolean adjusts(Field field) {
        return field == Field.GIVEN || field == Field.FAMILY || field == Field.BIRTH_DATE;
    }

    /**
     * The weight change for exact agreement on {@code a}'s value of the field, given the field's
     * average u for exact agreement.
     */
    public double adjustment(Field field, Prepared a, double uExact) {
        if (records < MIN_RECORDS) {
            return 0;
        }
        Integer count = switch (field) {
            case GIVEN -> a.given() == null ? null : given.get(a.given());
            case FAMILY -> a.family() == null ? null : family.get(a.family());
            case BIRTH_DATE -> a.birthDate() == null ? null : birthDates.get(a.birthDate());
            default -> null;
        };
        if (count == null) {
            return 0;
        }
        double frequency = (double) count / records;
        double adjustment = Math.log(uExact / frequency) / Math.log(2);
        return Math.clamp(adjustment, -MAX_ADJUSTMENT, MAX_ADJUSTMENT);
    }
}
