package org.custodian.analytics;

import java.time.YearMonth;

/**
 * Inpatient discharges of one month: average length of stay (inpatient days ÷ discharges) and the
 * all-cause 30-day readmission rate (readmissions ÷ index stays); rates are null without a denominator.
 */
public record MonthlyStays(YearMonth month, long discharges, long inpatientDays, long indexStays, long readmissions) {
    public Double averageLengthOfStay() {
        return discharges == 0 ? null : (double) inpatientDays / discharges;
    }

    public Double readmissionRate() {
        return indexStays == 0 ? null : (double) readmissions / indexStays;
    }
}
