package org.custodian.analytics;

import java.time.YearMonth;
import org.custodian.record.EncounterClass;

/** Encounters of one class admitted in one month. */
public record MonthlyVolume(YearMonth month, EncounterClass encounterClass, long encounters) {
}
