package org.custodian.retention;

import java.time.LocalDate;
import java.time.Period;

/**
 * Keep a record {@code yearsAfterLastActivity} years after its last activity (discharge, last
 * document); a patient who was a minor then has it kept at least until the age of majority plus
 * {@code yearsAfterMajority} years. The record is kept through {@link #retainUntil} inclusive.
 */
public record RetentionRule(int yearsAfterLastActivity, int ageOfMajority, int yearsAfterMajority) {
    public RetentionRule {
        if (yearsAfterLastActivity < 0 || yearsAfterLastActivity > 100) {
            throw new IllegalArgumentException("years after last activity must be 0 to 100, not " + yearsAfterLastActivity);
        }
        if (ageOfMajority < 14 || ageOfMajority > 25) {
            throw new IllegalArgumentException("age of majority must be 14 to 25, not " + ageOfMajority);
        }
        if (yearsAfterMajority < 0 || yearsAfterMajority > 100) {
            throw new IllegalArgumentException("years after majority must be 0 to 100, not " + yearsAfterMajority);
        }
    }

    /** The last day the record must be kept; {@code birthDate} may be null (no minor rule then). */
    public LocalDate retainUntil(LocalDate lastActivity, LocalDate birthDate) {
        LocalDate adult = lastActivity.plusYears(yearsAfterLastActivity);
        if (!wasMinor(lastActivity, birthDate)) {
            return adult;
        }
        LocalDate minor = birthDate.plusYears((long) ageOfMajority + yearsAfterMajority);
        return minor.isAfter(adult) ? minor : adult;
    }

    /** Whether the patient had not reached the age of majority on the day of the last activity. */
    public boolean wasMinor(LocalDate lastActivity, LocalDate birthDate) {
        return birthDate != null && Period.between(birthDate, lastActivity).getYears() < ageOfMajority;
    }

    /** Past retention: the day after the last day it must be kept, or later. */
    public boolean expired(LocalDate lastActivity, LocalDate birthDate, LocalDate today) {
        return today.isAfter(retainUntil(lastActivity, birthDate));
    }

    public String describe() {
        return yearsAfterLastActivity + " years after last activity; minors until " + ageOfMajority + " + "
                + yearsAfterMajority + " years if later";
    }
}
