package org.custodian.training;

/** A difference from the key that trainees make: its kind, the code, how often and by how many trainees. */
public record CommonMistake(Finding.Kind kind, String code, int times, int trainees) {
}
