/**
 * HIM and healthcare-delivery metrics: DNFB (count, gross charges and days per facility and month),
 * encounters by class and facility, average length of stay, 30-day readmissions, top diagnoses and
 * procedures, and outcome measures over codes and results. DNFB reads the record's charges and
 * when each encounter's coding case became final (the {@code coding_case} table, by SQL only: the
 * finalise path files codes in the record, whose change event refreshes the patient here).
 * <p>Dashboards never scan the record: facts and monthly roll-ups ({@code analytics_*} tables) are
 * refreshed per patient when {@link org.custodian.record.RecordChanged} arrives, and can be rebuilt
 * from the record at any time. Aggregates carry no identifiers; the patient lists behind an outcome
 * measure are read through {@link org.custodian.privacy.PhiAccess}, decided and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics", allowedDependencies = {"record", "privacy"})
package org.custodian.analytics;
