package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import org.custodian.quality.QualityProperties;

/**
 * What rules may consult besides the record: the time of the check, the policy thresholds, the code
 * sets and their sex and age edits.
 */
public record RuleContext(Instant now, QualityProperties properties, CodeCheck codes, ClinicalEditCheck clinical) {
    /** Without MCE tables: the sex and age rule uses its own compact ranges. */
    public RuleContext(Instant now, QualityProperties properties, CodeCheck codes) {
        this(now, properties, codes, ClinicalEditCheck.NOT_LOADED);
    }

    /** The UTC day of an instant (by arithmetic: rules ask it of every fact). */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L));
    }
}
