package org.custodian.coding;

import java.time.LocalDate;
import java.util.List;

/**
 * Productivity and accuracy over a period: encounters coded per coder per day and per active hour,
 * the suggestion acceptance rate and the code-level agreement of completed coding audits.
 */
public record CodingFigures(LocalDate from, LocalDate to, List<CoderDay> days, List<Coder> coders,
                            Acceptance acceptance, Agreement agreement) {
    public CodingFigures {
        days = List.copyOf(days);
        coders = List.copyOf(coders);
    }

    /** Encounters one coder finalised on one day. */
    public record CoderDay(String coder, LocalDate day, int coded) {
    }

    /**
     * One coder's totals: encounters coded, the distinct clock hours in which they finalised any,
     * and the audited share of their work with its agreement.
     */
    public record Coder(String coder, int coded, int activeHours, int activeDays, Agreement audits) {
        public double perHour() {
            return activeHours == 0 ? 0 : (double) coded / activeHours;
        }

        public double perDay() {
            return activeDays == 0 ? 0 : (double) coded / activeDays;
        }
    }

    public record Acceptance(int accepted, int edited, int rejected) {
        public int total() {
            return accepted + edited + rejected;
        }

        /** Suggestions taken as suggested over all decided; empty when none were decided. */
        public Double rate() {
            return total() == 0 ? null : (double) accepted / total();
        }
    }

    public record Agreement(int audits, int agreed, int originalOnly, int auditOnly) {
        public Double rate() {
            int union = agreed + originalOnly + auditOnly;
            return union == 0 ? null : (double) agreed / union;
        }
    }
}
