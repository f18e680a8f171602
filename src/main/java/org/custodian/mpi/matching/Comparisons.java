package org.custodian.mpi.matching;

import java.time.LocalDate;

/** Compares two prepared records field by field into the levels {@link Field} declares. */
public final class Comparisons {
    private static final Field[] FIELDS = Field.values();

    private final Nicknames nicknames;

    public Comparisons(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    /** The packed comparison vector of the pair. */
    public int compare(Prepared a, Prepared b) {
        int pattern = 0;
        for (Field field : FIELDS) {
            pattern |= level(field, a, b) << (field.ordinal() * Field.BITS);
        }
        return pattern;
    }

    public int level(Field field, Prepared a, Prepared b) {
        return switch (field) {
            case GIVEN -> given(a, b);
            case FAMILY -> family(a, b);
            case BIRTH_DATE -> birth(a.birthDate(), b.birthDate());
            case SEX -> a.sex() == ' ' || b.sex() == ' ' ? 0 : a.sex() == b.sex() ? 1 : 2;
            case ADDRESS -> address(a, b);
            case LOCALITY -> locality(a, b);
            case PHONE -> phone(a.phone(), b.phone());
            case SSN -> ssn(a.ssn(), b.ssn());
        };
    }

    private int given(Prepared a, Prepared b) {
        String x = a.given();
        String y = b.given();
        if (x == null || y == null) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        if (nicknames.equivalent(x, y)) {
            return 2;
        }
        if (x.length() == 1 || y.length() == 1) {
            return x.charAt(0) == y.charAt(0) ? 6 : 7;
        }
        double similarity = JaroWinkler.similarity(x, y);
        if (similarity >= 0.92) {
            return 3;
        }
        if (a.givenSound().equals(b.givenSound())) {
            return 4;
        }
        return similarity >= 0.80 ? 5 : 7;
    }

    private static int family(Prepared a, Prepared b) {
        String x = a.family();
        String y = b.family();
        if (x == null || y == null) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        double similarity = JaroWinkler.similarity(x, y);
        if (similarity >= 0.92) {
            return 2;
        }
        if (a.familySound().equals(b.familySound()) || a.familyAltSound().equals(b.familyAltSound())) {
            return 3;
        }
        if (compoundPart(x, y) || compoundPart(y, x)) {
            return 4;
        }
        return similarity >= 0.80 ? 5 : 6;
    }

    /** "garcia" within "garcia lopez" (or hyphenated): a compound or double-barrelled name. */
    private static boolean compoundPart(String part, String whole) {
        if (whole.length() <= part.length()) {
            return false;
        }
        for (String word : whole.split(" ")) {
            if (word.equals(part)) {
                return true;
            }
        }
        return false;
    }

    static int birth(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        boolean sameYear = a.getYear() == b.getYear();
        if (sameYear && a.getMonthValue() == b.getDayOfMonth() && a.getDayOfMonth() == b.getMonthValue()) {
            return 2;
        }
        int same = (sameYear ? 1 : 0) + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
                + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
        return same == 2 ? 3 : 4;
    }

    private static int address(Prepared a, Prepared b) {
        String x = a.address();
        String y = b.address();
        if (x == null || y == null) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        if (JaroWinkler.similarity(x, y) >= 0.90) {
            return 2;
        }
        return a.houseNumber() != null && a.houseNumber().equals(b.houseNumber()) ? 3 : 4;
    }

    private static int locality(Prepared a, Prepared b) {
        boolean zips = a.zip() != null && b.zip() != null;
        if (zips && a.zip().equals(b.zip())) {
            return 1;
        }
        if (a.city() != null && a.city().equals(b.city()) && a.state() != null && a.state().equals(b.state())) {
            return 2;
        }
        if (zips) {
            return a.zip().regionMatches(0, b.zip(), 0, 3) ? 3 : 4;
        }
        return a.city() == null || b.city() == null ? 0 : 4;
    }

    private static int phone(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() >= 7 && b.length() >= 7 && a.endsWith(b.substring(b.length() - 7))) {
            return 2;
        }
        return partialDigits(a, b) ? 3 : 4;
    }

    private static int ssn(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        return partialDigits(a, b) ? 2 : 3;
    }

    /**
     * Digits that plausibly belong to one number: one recorded only in part (its last four digits
     * match the other's end), or one keying error (a single substitution or adjacent transposition).
     */
    static boolean partialDigits(String a, String b) {
        if (a.length() != b.length()) {
            String shorter = a.length() < b.length() ? a : b;
            String longer = shorter == a ? b : a;
            return shorter.length() >= 4 && longer.endsWith(shorter);
        }
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (differences++ == 0) {
                    first = i;
                }
            }
        }
        if (differences == 1) {
            return true;
        }
        return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first) && a.charAt(first + 1) != b.charAt(first + 1);
    }
}
