package org.custodian.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a copy costs ({@code custodian.disclosure.fees.*}). Patients and their representatives pay
 * a flat fee (HHS allows a flat fee of up to $6.50 for electronic copies in place of a cost
 * calculation); others pay a retrieval fee plus a per-page rate that falls after the first pages.
 * Some requesters (e.g. public health) are not charged.
 */
@ConfigurationProperties("custodian.disclosure.fees")
public record FeeSchedule(@DefaultValue("6.50") BigDecimal patientFlat, @DefaultValue("15.00") BigDecimal retrieval,
                          @DefaultValue("1.00") BigDecimal perPage, @DefaultValue("25") int firstPages,
                          @DefaultValue("0.50") BigDecimal perPageAfter,
                          @DefaultValue({"PROVIDER", "PUBLIC_HEALTH"}) Set<RequesterType> exempt) {

    public BigDecimal fee(RequesterType requester, int pages) {
        if (exempt.contains(requester)) {
            return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (requester.isThePatient()) {
            return patientFlat.setScale(2, RoundingMode.HALF_UP);
        }
        int early = Math.min(pages, firstPages);
        int late = Math.max(0, pages - firstPages);
        return retrieval.add(perPage.multiply(BigDecimal.valueOf(early)))
                .add(perPageAfter.multiply(BigDecimal.valueOf(late))).setScale(2, RoundingMode.HALF_UP);
    }

    /** How the fee was computed, for the cover letter and the screen. */
    public String explain(RequesterType requester, int pages) {
        if (exempt.contains(requester)) {
            return "no charge for " + requester.label().toLowerCase(java.util.Locale.ROOT);
        }
        if (requester.isThePatient()) {
            return "flat fee for the patient's copy";
        }
        return "retrieval $" + retrieval + " + " + Math.min(pages, firstPages) + " pages at $" + perPage
                + (pages > firstPages ? " + " + (pages - firstPages) + " pages at $" + perPageAfter : "");
    }
}
