package org.custodian.coding;

/**
 * Where the patient was seen, which decides how uncertain diagnoses are coded: inpatient as if
 * established (ICD-10-CM guidelines Section II.H), outpatient by their signs and symptoms (Section IV.H).
 */
public enum CareSetting {
    INPATIENT,
    OUTPATIENT
}
