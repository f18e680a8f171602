package org.custodian.privacy;

/** What a role allows, independent of which patients (facility scope decides that). */
public enum Permission {
    SEARCH_PATIENTS, READ_CHART, VIEW_AUDIT, MANAGE_USERS,
    /** Watch the interfaces (HL7 dead letters) and replay messages after a fix. */
    MANAGE_INTERFACES,
    /** Load records through an interface (FHIR transactions, imports). */
    IMPORT_RECORDS,
    /** See data quality findings and chart-completion scorecards. */
    VIEW_QUALITY,
    /** Work the HIM analyst's deficiency queue: review discharged charts, track their completion. */
    WORK_DEFICIENCIES,
    /** Sign (authenticate) one's own documents from the physician's deficiency queue. */
    SIGN_DOCUMENTS
}
