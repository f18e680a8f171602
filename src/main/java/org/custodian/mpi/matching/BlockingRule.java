package org.custodian.mpi.matching;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The keys that decide which pairs are compared at all. Several rules, so a person whose birth date
 * was mistyped is still found by name sound, SSN or phone; a pair found by an earlier rule is not
 * compared twice. Each rule names the fields it forces to agree (EM does not learn m from those).
 * The keys are narrow enough that the pairs stay near linear in the records: a birth date alone, or
 * a common family name's sound and a year, put tens of thousands of strangers together at a million.
 */
public enum BlockingRule {
    BIRTH_DATE_ANY_ORDER("birth date (day and month in any order) + sex", true, EnumSet.of(Field.BIRTH_DATE, Field.SEX), p -> {
        if (p.birthDate() == null) {
            return null;
        }
        int d = p.birthDate().getDayOfMonth();
        int m = p.birthDate().getMonthValue();
        return p.birthDate().getYear() + "-" + Math.min(d, m) + "-" + Math.max(d, m) + p.sex();
    }),
    FAMILY_SOUND_AND_BIRTH_YEAR("family name sound + birth year + given initial", false, EnumSet.of(Field.FAMILY),
            p -> p.familySound() == null || p.birthDate() == null || p.given() == null ? null
                    : p.familySound() + "|" + p.birthDate().getYear() + "|" + p.given().charAt(0)),
    NAME_SOUNDS("given + family name sound + birth decade", false, EnumSet.of(Field.GIVEN, Field.FAMILY),
            p -> p.givenSound() == null || p.familySound() == null ? null : p.givenRoot() + "|" + p.familySound()
                    + "|" + (p.birthDate() == null ? "?" : String.valueOf(p.birthDate().getYear() / 10))),
    SSN("SSN", true, EnumSet.of(Field.SSN), p -> p.ssn() == null || p.ssn().length() != 9 ? null : p.ssn()),
    SSN_LAST4_AND_BIRTH_YEAR("SSN last 4 + birth year", false, EnumSet.noneOf(Field.class),
            p -> p.ssn() == null || p.birthDate() == null ? null : p.ssn().substring(p.ssn().length() - 4) + "|" + p.birthDate().getYear()),
    PHONE("phone", true, EnumSet.of(Field.PHONE), p -> p.phone() == null || p.phone().length() < 7 ? null
            : p.phone().substring(p.phone().length() - 7)),
    ZIP_AND_GIVEN_SOUND("ZIP + given name sound", false, EnumSet.of(Field.LOCALITY),
            p -> p.zip() == null || p.givenSound() == null ? null : p.zip() + "|" + p.givenSound());

    private final String label;
    private final boolean trainsModel;
    private final Set<Field> forcedFields;
    private final Function<Prepared, String> key;

    BlockingRule(String label, boolean trainsModel, Set<Field> forcedFields, Function<Prepared, String> key) {
        this.label = label;
        this.trainsModel = trainsModel;
        this.forcedFields = forcedFields;
        this.key = key;
    }

    /**
     * Whether EM learns m from this rule's pairs. Only keys strangers rarely share (an identifier, a
     * whole birth date with sex) qualify: their pairs hold enough true matches for EM to find the
     * match class. In the name and ZIP blocks same-name strangers outnumber the matches more and
     * more as the index grows (0.5 % matches at 500,000 records), and EM trained there takes
     * "same name, same town" for the match class. Together the training rules leave no field out.
     */
    public boolean trainsModel() {
        return trainsModel;
    }

    public String label() {
        return label;
    }

    public Set<Field> forcedFields() {
        return forcedFields;
    }

    /** The record's key under this rule, or null when the fields it needs are missing. */
    public String key(Prepared p) {
        return key.apply(p);
    }
}
