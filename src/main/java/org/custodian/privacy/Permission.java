package org.custodian.privacy;

/** What a role allows, independent of which patients (facility scope decides that). */
public enum Permission {
    SEARCH_PATIENTS, READ_CHART, VIEW_AUDIT, MANAGE_USERS,
    /** Watch the interfaces (HL7 dead letters) and replay messages after a fix. */
    MANAGE_INTERFACES,
    /** Load records through an interface (FHIR transactions, imports). */
    IMPORT_RECORDS,
    /** Log release-of-information requests, build disclosure packets, keep the accounting of disclosures. */
    RELEASE_INFORMATION,
    /** Decide patients' requests to amend their record (164.526). */
    MANAGE_AMENDMENTS,
    /** Scrub PHI from text and export de-identified data sets. */
    DEIDENTIFY
}
