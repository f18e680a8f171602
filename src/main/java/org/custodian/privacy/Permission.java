package org.custodian.privacy;

/** What a role allows, independent of which patients (facility scope decides that). */
public enum Permission {
    SEARCH_PATIENTS, READ_CHART, VIEW_AUDIT, MANAGE_USERS,
    /** Watch the interfaces (HL7 dead letters) and replay messages after a fix. */
    MANAGE_INTERFACES,
    /** Load records through an interface (FHIR transactions, imports). */
    IMPORT_RECORDS,
    /** See the HIM and healthcare-delivery dashboards (aggregates without identifiers). */
    VIEW_ANALYTICS,
    /** Work the duplicate review queue: compare, merge, unmerge patient records. */
    MANAGE_DUPLICATES
}
