package org.custodian.retention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One record in a destruction batch; once destroyed, this is its tombstone: identifiers, dates and
 * what kinds of rows went (e.g. "diagnosis 2, document_version 3"), never clinical content.
 */
public record DestructionItem(UUID recordId, RecordType type, UUID patientId, String mrn, String facilityCode,
                              LocalDate serviceFrom, LocalDate lastActivity, LocalDate retainUntil, String rule,
                              Status status, String withheldBecause, String rowsDestroyed) {
    public enum Status { PROPOSED, DESTROYED, WITHHELD }
}
