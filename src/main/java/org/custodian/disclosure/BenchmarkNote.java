package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * A clinical note for the scrubber benchmark with what is known about its PHI: the patient's name
 * words, city and street, the note's date and the patient's age (Synthea writes all of these).
 */
public record BenchmarkNote(String text, List<String> patientNames, LocalDate date, int ageInYears,
                            String street, String city, String state, String zip) {
    public BenchmarkNote {
        patientNames = List.copyOf(patientNames);
    }
}
