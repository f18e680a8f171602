package org.custodian.scanning;

/** One row of the QA queue: the scan and the chart it is filed to. */
public record QaItem(Scan scan, String patientLabel) {
}
