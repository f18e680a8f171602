package org.custodian.quality.rules;

import java.util.List;
import java.util.Optional;

/**
 * Sex and age edits in the manner of the Medicare Code Editor, by code range: the main
 * sex-specific and age-specific ICD-10-CM chapters and the ICD-10-PCS body systems that only exist
 * in one sex. A compact subset until the terminology module publishes the full MCE tables.
 */
final class ClinicalEdits {
    enum Sex { FEMALE, MALE }

    record AgeRange(int from, int to, String label) {
        boolean contains(int age) {
            return age >= from && age <= to;
        }
    }

    /** Codes whose first characters (as many as the bounds have) lie between the bounds; no copies made. */
    private record Range(String from, String to) {
        boolean contains(String code) {
            return comparePrefix(code, from) >= 0 && comparePrefix(code, to) <= 0;
        }

        /** As {@code code.substring(0, bound.length()).compareTo(bound)}, shorter codes compared whole. */
        private static int comparePrefix(String code, String bound) {
            int n = Math.min(code.length(), bound.length());
            for (int i = 0; i < n; i++) {
                int d = code.charAt(i) - bound.charAt(i);
                if (d != 0) {
                    return d;
                }
            }
            return n - bound.length();
        }
    }

    private static final List<Range> FEMALE_DIAGNOSES = List.of(
            new Range("O00", "O9A"), new Range("Z33", "Z37"), new Range("Z39", "Z39"), new Range("Z3A", "Z3A"),
            new Range("N70", "N98"), new Range("C51", "C58"), new Range("D06", "D06"), new Range("D25", "D28"),
            new Range("E28", "E28"), new Range("Q50", "Q52"), new Range("R87", "R87"));
    private static final List<Range> MALE_DIAGNOSES = List.of(
            new Range("N40", "N53"), new Range("C60", "C63"), new Range("D29", "D29"), new Range("E29", "E29"),
            new Range("Q53", "Q55"), new Range("R86", "R86"), new Range("Z125", "Z125"));
    private static final List<Range> NEWBORN_DIAGNOSES = List.of(new Range("P00", "P96"), new Range("Z38", "Z38"));
    private static final List<Range> MATERNITY_DIAGNOSES = List.of(
            new Range("O00", "O9A"), new Range("Z33", "Z34"), new Range("Z36", "Z36"), new Range("Z3A", "Z3A"));

    private ClinicalEdits() {
    }

    static Optional<Sex> diagnosisSex(String code) {
        if (any(FEMALE_DIAGNOSES, code)) {
            return Optional.of(Sex.FEMALE);
        }
        if (any(MALE_DIAGNOSES, code)) {
            return Optional.of(Sex.MALE);
        }
        return Optional.empty();
    }

    static Optional<AgeRange> diagnosisAge(String code) {
        if (any(NEWBORN_DIAGNOSES, code)) {
            return Optional.of(new AgeRange(0, 0, "newborn (age 0)"));
        }
        if (any(MATERNITY_DIAGNOSES, code)) {
            return Optional.of(new AgeRange(9, 64, "maternity (age 9 to 64)"));
        }
        return Optional.empty();
    }

    private static boolean any(List<Range> ranges, String code) {
        for (Range r : ranges) {
            if (r.contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** ICD-10-PCS: body systems 0U (female reproductive) and 0V (male reproductive); section 1 is obstetrics. */
    static Optional<Sex> procedureSex(String code) {
        if (code.startsWith("0U") || code.startsWith("1")) {
            return Optional.of(Sex.FEMALE);
        }
        if (code.startsWith("0V")) {
            return Optional.of(Sex.MALE);
        }
        return Optional.empty();
    }
}
