/**
 * Coding workflow: the queue of discharged encounters awaiting coding, the coding of one encounter
 * (diagnoses with POA, procedures with dates, live edits against the release in force, finalising
 * with a clean edit check or a documented override), physician queries, coding audits and the
 * productivity and accuracy figures. Every read of the record goes through {@code privacy} and every
 * change is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coding",
        allowedDependencies = {"record", "privacy", "terminology"})
package org.custodian.coding;
