package org.custodian.record;

import java.time.LocalDate;

/**
 * What a user typed into patient search. Any combination of parts may be given; at least one must.
 * Names are matched typo-tolerantly, the birth date and MRN exactly.
 */
public record PatientQuery(String name, LocalDate birthDate, String mrn) {
    public static final int MAX_TEXT = 100;

    public PatientQuery {
        name = clean(name, "name");
        mrn = clean(mrn, "MRN");
        if (name == null && birthDate == null && mrn == null) {
            throw new IllegalArgumentException("enter a name, a birth date or an MRN");
        }
        if (name != null && NameFolding.fold(name).length() < 2) {
            throw new IllegalArgumentException("a name needs at least two letters");
        }
    }

    private static String clean(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
