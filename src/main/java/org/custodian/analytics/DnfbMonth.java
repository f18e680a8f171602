package org.custodian.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Discharged, not final billed at one facility (or several, summed) at the end of a month, or today
 * for the current month. Custodian drops the bill when coding is final, so every DNFB account is
 * also not final coded (DNFC). DNFB days follow HFMA: DNFB gross charges ÷ average daily gross
 * revenue, the revenue being the gross charges of the encounters discharged in the three months up
 * to {@code asOf} ({@code windowDays} days).
 *
 * @param encounters        encounters in DNFB
 * @param withoutCharges    of those, how many have no charges recorded (their dollars are missing)
 * @param grossCharges      gross charges of the encounters in DNFB
 * @param windowRevenue     gross charges of the encounters discharged in the three-month window
 * @param discharges        encounters discharged in the month itself
 * @param dischargesWithoutCharges of those, how many have no charges recorded
 */
public record DnfbMonth(String facility, YearMonth month, LocalDate asOf, long encounters, long withoutCharges,
                        BigDecimal grossCharges, BigDecimal windowRevenue, int windowDays, long discharges,
                        long dischargesWithoutCharges) {

    /** Gross revenue per day over the window; null when nothing was charged in it. */
    public BigDecimal averageDailyRevenue() {
        if (windowDays <= 0 || windowRevenue.signum() == 0) {
            return null;
        }
        return windowRevenue.divide(BigDecimal.valueOf(windowDays), 2, RoundingMode.HALF_UP);
    }

    /** DNFB days: how many days of average gross revenue wait in DNFB; null without revenue. */
    public Double days() {
        if (windowDays <= 0 || windowRevenue.signum() == 0) {
            return null;
        }
        return grossCharges.multiply(BigDecimal.valueOf(windowDays))
                .divide(windowRevenue, MathContext.DECIMAL64).doubleValue();
    }

    /** The same month over several facilities, named {@code facility}. */
    public static DnfbMonth sum(String facility, List<DnfbMonth> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum");
        }
        DnfbMonth first = rows.getFirst();
        return new DnfbMonth(facility, first.month(), first.asOf(),
                rows.stream().mapToLong(DnfbMonth::encounters).sum(),
                rows.stream().mapToLong(DnfbMonth::withoutCharges).sum(),
                rows.stream().map(DnfbMonth::grossCharges).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(DnfbMonth::windowRevenue).reduce(BigDecimal.ZERO, BigDecimal::add),
                first.windowDays(),
                rows.stream().mapToLong(DnfbMonth::discharges).sum(),
                rows.stream().mapToLong(DnfbMonth::dischargesWithoutCharges).sum());
    }
}
