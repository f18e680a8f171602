/**
 * Data quality and chart completion: rules that check every patient's record for completeness,
 * accuracy, consistency and timeliness; findings stored, de-duplicated and resolved when the data
 * is fixed; deficiency workqueues for physicians and HIM analysts, delinquency, notifications and
 * scorecards. The API is {@link org.custodian.quality.QualityScans}, {@link org.custodian.quality.QualityFindings},
 * {@link org.custodian.quality.ChartCompletion} and {@link org.custodian.quality.Scorecards}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data quality",
        allowedDependencies = {"record", "privacy", "terminology", "platform"})
package org.custodian.quality;
