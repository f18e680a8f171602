package org.custodian.retention;

import java.util.UUID;

/**
 * The tombstone of a patient's demographics, destroyed with the last of their records: the patient's
 * id and what kinds of rows went (e.g. "patient 1, patient_identifier 2"), never a name, date or identifier.
 */
public record DestroyedPatient(UUID patientId, String rowsDestroyed) {
}
