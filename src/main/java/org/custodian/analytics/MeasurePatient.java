package org.custodian.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient behind an outcome measure, with the result that decided it (null when none is on record). */
public record MeasurePatient(UUID patientId, String given, String family, LocalDate birthDate, String facility,
                             boolean inNumerator, String lastResult, Instant resultAt) {
}
