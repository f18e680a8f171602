-- Retention of raw interface messages, and of a patient's demographics once nothing else of them is left.

-- Raw HL7 v2 messages (hl7_message) are a record type with a schedule of their own, per facility (the
-- sending facility, MSH-4). Defaults only: configurable per facility, not legal advice.
ALTER TABLE retention_schedule DROP CONSTRAINT retention_schedule_record_type_check;
ALTER TABLE retention_schedule ADD CONSTRAINT retention_schedule_record_type_check
    CHECK (record_type IN ('ENCOUNTER', 'ROI_PACKET', 'RAW_MESSAGE'));
INSERT INTO retention_schedule (id, record_type, facility_id, years_after_last_activity, age_of_majority,
                                years_after_majority, basis, updated_by)
VALUES ('00000000-0000-0000-0000-000000000e03', 'RAW_MESSAGE', NULL, 6, 18, 0,
        'Default: raw interface messages 6 years after receipt (or the last replay); the record keeps what they carried',
        'custodian');

-- A raw message may name no patient (a duplicate, or one whose patient was never known).
ALTER TABLE destruction_item ALTER COLUMN patient_id DROP NOT NULL;

-- The patient a message was applied to is found through its audit event; only HL7 rows pay for the index.
CREATE INDEX audit_event_hl7_message ON audit_event (resource_id) WHERE resource_type = 'HL7Message';

-- The tombstone of a patient's demographics, destroyed with the last of their records: the patient id
-- (a random UUID) and what kinds of rows went, never a name, date or identifier.
CREATE TABLE destruction_patient (
    batch_id        uuid NOT NULL REFERENCES destruction_batch (id),
    patient_id      uuid NOT NULL,
    rows_destroyed  text NOT NULL,
    PRIMARY KEY (batch_id, patient_id)
);
