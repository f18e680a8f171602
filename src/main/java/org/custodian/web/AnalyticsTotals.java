package org.custodian.web;

import java.util.List;
import org.custodian.analytics.MonthlyStays;
import org.custodian.analytics.MonthlyVolume;

/** The headline figures of the period: encounters, inpatient discharges, ALOS and readmission rate. */
record AnalyticsTotals(long encounters, long discharges, Double averageLengthOfStay, Double readmissionRate) {
    static AnalyticsTotals of(List<MonthlyVolume> volumes, List<MonthlyStays> stays) {
        long encounters = volumes.stream().mapToLong(MonthlyVolume::encounters).sum();
        long discharges = stays.stream().mapToLong(MonthlyStays::discharges).sum();
        long days = stays.stream().mapToLong(MonthlyStays::inpatientDays).sum();
        long index = stays.stream().mapToLong(MonthlyStays::indexStays).sum();
        long readmissions = stays.stream().mapToLong(MonthlyStays::readmissions).sum();
        return new AnalyticsTotals(encounters, discharges, discharges == 0 ? null : (double) days / discharges,
                index == 0 ? null : (double) readmissions / index);
    }
}
