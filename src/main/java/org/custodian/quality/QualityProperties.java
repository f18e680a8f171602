package org.custodian.quality;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds HIM departments set by policy ({@code custodian.quality.*}).
 *
 * @param hAndPWithin         the H&P must be on the chart within this time of admission (24 h)
 * @param codingDueAfterDays  a discharged encounter without ICD-10-CM diagnoses is late after this many days
 * @param delinquentAfterDays an incomplete record becomes delinquent this many days after discharge (30)
 * @param escalateAfterDays   a physician notified of a deficiency is reminded again (escalated) after these days
 * @param copyPasteWords      the shortest passage, in words, copied between two notes that is reported
 * @param indexScansWithinDays a scanned document still not indexed to a chart this many days after upload is a finding
 * @param scanConnections     a full scan reads and checks with this many pooled connections at once (1–8; 3 keeps
 *                            two cores busy while leaving the pool's other connections to the UI, FHIR and HL7)
 */
@ConfigurationProperties("custodian.quality")
public record QualityProperties(
        @DefaultValue("24h") Duration hAndPWithin,
        @DefaultValue("4") int codingDueAfterDays,
        @DefaultValue("30") int delinquentAfterDays,
        @DefaultValue("7") int escalateAfterDays,
        @DefaultValue("60") int copyPasteWords,
        @DefaultValue("3") int indexScansWithinDays,
        @DefaultValue("3") int scanConnections) {

    public static QualityProperties defaults() {
        return new QualityProperties(Duration.ofHours(24), 4, 30, 7, 60, 3, 3);
    }

    public QualityProperties {
        if (codingDueAfterDays < 0 || delinquentAfterDays < 1 || escalateAfterDays < 1 || copyPasteWords < 10
                || indexScansWithinDays < 0 || scanConnections < 1 || scanConnections > 8) {
            throw new IllegalArgumentException("custodian.quality: coding-due-after-days >= 0, delinquent-after-days >= 1,"
                    + " escalate-after-days >= 1, copy-paste-words >= 10, index-scans-within-days >= 0 and scan-connections"
                    + " from 1 to 8 are required");
        }
    }
}
