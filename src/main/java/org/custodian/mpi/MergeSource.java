package org.custodian.mpi;

/** Which path asked for a merge; all of them go through {@link PatientMerges}. */
public enum MergeSource {
    REVIEW, HL7_A40, FHIR_LINK,
    /** A batch scan found the pair certain (at or above the auto-link threshold, no rule against it). */
    AUTO_LINK
}
