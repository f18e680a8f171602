package org.custodian.privacy;

/** What a role allows, independent of which patients (facility scope decides that). */
public enum Permission {
    SEARCH_PATIENTS, READ_CHART, VIEW_AUDIT, MANAGE_USERS,
    /** Watch the interfaces (HL7 dead letters) and replay messages after a fix. */
    MANAGE_INTERFACES,
    /** Load records through an interface (FHIR transactions, imports). */
    IMPORT_RECORDS,
    /** Put sensitivity labels on records and record restrictions patients ask for. */
    MANAGE_SENSITIVITY,
    /** The privacy officer's dashboard: break-the-glass review, unusual access, failed sign-ins. */
    REVIEW_PRIVACY
}
