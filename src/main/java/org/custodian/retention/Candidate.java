package org.custodian.retention;

import java.time.LocalDate;
import java.util.UUID;

/** One record that a schedule may make destroyable: who, where, and its service dates (no clinical content). */
public record Candidate(RecordType type, UUID recordId, UUID patientId, String mrn, UUID facilityId,
                        String facilityCode, LocalDate birthDate, LocalDate serviceFrom, LocalDate lastActivity) {
}
