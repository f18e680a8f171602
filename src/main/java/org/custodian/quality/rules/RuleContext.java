package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.custodian.quality.QualityProperties;

/** What rules may consult besides the record: the time of the check, the policy thresholds, the code sets. */
public record RuleContext(Instant now, QualityProperties properties, CodeCheck codes) {
    public static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
