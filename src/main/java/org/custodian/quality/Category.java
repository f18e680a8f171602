package org.custodian.quality;

/** The four dimensions of data quality an HIM department reports on. */
public enum Category {
    COMPLETENESS, ACCURACY, CONSISTENCY, TIMELINESS
}
