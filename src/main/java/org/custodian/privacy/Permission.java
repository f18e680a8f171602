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
    /** Search the official code sets (ICD-10-CM, ICD-10-PCS, HCPCS): no PHI, for those who code. */
    SEARCH_CODES,
    /** Work the coding queue: assign, code and finalise discharged encounters, raise physician queries. */
    CODE_ENCOUNTERS,
    /** Re-code a sample blind as the second coder and see coding productivity and accuracy. */
    AUDIT_CODING,
    /** Answer coders' documentation queries addressed to the user's own practitioner record. */
    ANSWER_QUERIES,
    /** Work the duplicate review queue: compare, merge, unmerge patient records. */
    MANAGE_DUPLICATES,
    /** See data quality findings and chart-completion scorecards. */
    VIEW_QUALITY,
    /** Work the HIM analyst's deficiency queue: review discharged charts, track their completion. */
    WORK_DEFICIENCIES,
    /** Sign (authenticate) one's own documents from the physician's deficiency queue. */
    SIGN_DOCUMENTS,
    /** Put sensitivity labels on records and record restrictions patients ask for. */
    MANAGE_SENSITIVITY,
    /** The privacy officer's dashboard: break-the-glass review, unusual access, failed sign-ins. */
    REVIEW_PRIVACY,
    /** Log release-of-information requests, build disclosure packets, keep the accounting of disclosures. */
    RELEASE_INFORMATION,
    /** Decide patients' requests to amend their record (164.526). */
    MANAGE_AMENDMENTS,
    /** Scrub PHI from text and export de-identified data sets. */
    DEIDENTIFY,
    /** Edit retention schedules, see which records are past retention and propose destruction batches. */
    MANAGE_RETENTION,
    /** Approve (as the second person) or reject a destruction batch someone else proposed. */
    APPROVE_DESTRUCTION,
    /** Place and release legal holds that suspend destruction. */
    PLACE_LEGAL_HOLD,
    /** Upload scanned paper and index it to a patient, encounter and document type. */
    INDEX_SCANS,
    /** Review indexed scans: confirm them, flag mis-indexed ones and move them to the right chart. */
    REVIEW_SCAN_QUALITY,
    /** Work assigned coding exercises and guided walkthroughs in the training sandbox. */
    TAKE_TRAINING,
    /** Build training exercise sets, assign them to trainees and follow their results. */
    MANAGE_TRAINING,
    /** Type and edit documents in the transcription queue (from templates or HL7 MDM drafts). */
    TRANSCRIBE_DOCUMENTS,
    /** QA-review transcribed documents: pass them to the author's signature queue or return them with a comment. */
    REVIEW_TRANSCRIPTION,
    /** Edit the transcription templates that prefill each document type (no PHI). */
    EDIT_TRANSCRIPTION_TEMPLATES,
    /** Register new patients at the registration desk (the MPI checks each for duplicates at once). */
    REGISTER_PATIENTS
}
