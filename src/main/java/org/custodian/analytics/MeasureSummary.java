package org.custodian.analytics;

/** One outcome measure at one facility: the population, how many meet the numerator, and the rate. */
public record MeasureSummary(OutcomeMeasure measure, String facility, long population, long numerator,
                             long withoutResult) {
    public Double rate() {
        return population == 0 ? null : (double) numerator / population;
    }
}
