package org.custodian.quality;

import java.time.Instant;
import java.util.List;

/**
 * Chart completion figures over the discharges of the last {@code windowDays}, as of {@code asOf}:
 * per facility, department (the encounter's service: inpatient, emergency, ...) and attending
 * physician; open deficiencies by days since discharge; and the weekly trend.
 */
public record Scorecard(Instant asOf, int windowDays, int delinquentAfterDays, List<Row> byFacility,
                        List<Row> byDepartment, List<Row> byPhysician, List<AgeBucket> openByAge, List<TrendPoint> trend) {

    /** {@code complete}: no deficiency open; {@code delinquent}: open past the deadline. */
    public record Row(String group, int discharges, int complete, int delinquent) {
        public double completenessRate() {
            return discharges == 0 ? 0 : (double) complete / discharges;
        }

        public double delinquencyRate() {
            return discharges == 0 ? 0 : (double) delinquent / discharges;
        }
    }

    public record AgeBucket(String label, int openDeficiencies) {
    }

    public record TrendPoint(Instant at, int discharges, int incomplete, int delinquent) {
        public double completenessRate() {
            return discharges == 0 ? 0 : (double) (discharges - incomplete) / discharges;
        }

        public double delinquencyRate() {
            return discharges == 0 ? 0 : (double) delinquent / discharges;
        }
    }
}
