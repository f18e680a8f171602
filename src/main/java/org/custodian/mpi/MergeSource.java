package org.custodian.mpi;

/** Which path asked for a merge; all of them go through {@link PatientMerges}. */
public enum MergeSource {
    REVIEW, HL7_A40, FHIR_LINK
}
