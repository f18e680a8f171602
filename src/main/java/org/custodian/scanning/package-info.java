/**
 * Scanned paper: PDF and image files received in the browser or in batches from the command line,
 * stored under the data folder by their SHA-256, indexed to a patient, encounter, document type and
 * date, and checked in a quality queue where mis-indexed scans are flagged and moved to the right
 * chart with their whole indexing history kept.
 * <p>Public API: {@link org.custodian.scanning.ScanIntake} (receive a file),
 * {@link org.custodian.scanning.ScanIndexing} (file, confirm, flag, move),
 * {@link org.custodian.scanning.ScanReading} (queues, one scan with its history, a chart's scans,
 * the page-1 preview). Reads of filed scans go through {@code privacy.PhiAccess}; writes are audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scanned documents",
        allowedDependencies = {"record", "privacy"})
package org.custodian.scanning;
