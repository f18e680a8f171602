/**
 * Master patient index: probabilistic matching of patient records (Fellegi–Sunter, m/u estimated by
 * EM), the duplicate review queue, and reversible merges under one enterprise identity.
 * <p>Public API: {@link org.custodian.mpi.PatientMatcher} (real-time candidates for registration,
 * ADT and FHIR create), {@link org.custodian.mpi.MpiScan} (batch scan), {@link org.custodian.mpi.DuplicateQueue}
 * (review), {@link org.custodian.mpi.PatientMerges} (merge and unmerge, also for HL7 A40),
 * {@link org.custodian.mpi.OverlayDetector}, and {@link org.custodian.mpi.FileLinkage} (the engine
 * on a CSV file with no database). The engine itself is in {@code matching}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Master patient index",
        allowedDependencies = {"record", "privacy"})
package org.custodian.mpi;
