package org.custodian.disclosure;

/** Told as an export writes each patient, so a command can show progress. */
@FunctionalInterface
public interface ExportProgress {
    void written(long patientsDone, long patientsTotal);
}
