package org.custodian.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.custodian.record.PatientQuery;

/**
 * The search form as typed, kept verbatim so the page can show it again; {@link #toQuery()} turns
 * it into a {@link PatientQuery}, whose constructor says what is wrong with it.
 */
record PatientSearchForm(String name, String birthDate, String mrn) {
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT));

    PatientSearchForm {
        name = name == null ? "" : name;
        birthDate = birthDate == null ? "" : birthDate.strip();
        mrn = mrn == null ? "" : mrn;
    }

    boolean isEmpty() {
        return name.isBlank() && birthDate.isBlank() && mrn.isBlank();
    }

    PatientQuery toQuery() {
        return new PatientQuery(name, parsedBirthDate(), mrn);
    }

    private LocalDate parsedBirthDate() {
        if (birthDate.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                LocalDate date = LocalDate.parse(birthDate, format);
                if (date.isAfter(LocalDate.now())) {
                    throw new IllegalArgumentException("the birth date is in the future");
                }
                return date;
            } catch (DateTimeParseException notThisFormat) {
                // try the next accepted form
            }
        }
        throw new IllegalArgumentException("the birth date is not a valid date; enter it as month/day/year, e.g. 03/07/1984");
    }
}
