package org.custodian.analytics;

import java.time.YearMonth;

/** Encounters of one class admitted in one month. */
public record MonthlyVolume(YearMonth month, String encounterClass, long encounters) {
}
