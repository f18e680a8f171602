-- Transcription: templates per document type that prefill the editor, and the work queue that
-- carries a document from typing (or an HL7 MDM draft) through QA review to its author's signature
-- and, for residents, the attending's co-signature. The text itself lives in the record's
-- document versions; a job only tracks where the document is in that workflow.

ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('HIM_DIRECTOR', 'CODER', 'ROI_SPECIALIST',
    'PRIVACY_OFFICER', 'CLINICIAN', 'AUDITOR', 'ADMIN', 'TRANSCRIPTIONIST'));
ALTER TABLE mfa_required_role DROP CONSTRAINT mfa_required_role_role_check;
ALTER TABLE mfa_required_role ADD CONSTRAINT mfa_required_role_role_check CHECK (role IN ('HIM_DIRECTOR', 'CODER',
    'ROI_SPECIALIST', 'PRIVACY_OFFICER', 'CLINICIAN', 'AUDITOR', 'ADMIN', 'TRANSCRIPTIONIST'));

CREATE TABLE transcription_template (
    document_type  text PRIMARY KEY,
    title          text NOT NULL,
    body           text NOT NULL,
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

INSERT INTO transcription_template (document_type, title, body, updated_by) VALUES
('HISTORY_AND_PHYSICAL', 'History and physical', E'CHIEF COMPLAINT:\n\nHISTORY OF PRESENT ILLNESS:\n\nPAST MEDICAL HISTORY:\n\nMEDICATIONS:\n\nALLERGIES:\n\nSOCIAL HISTORY:\n\nFAMILY HISTORY:\n\nREVIEW OF SYSTEMS:\n\nPHYSICAL EXAMINATION:\n\nASSESSMENT AND PLAN:\n', 'system'),
('PROGRESS_NOTE', 'Progress note', E'SUBJECTIVE:\n\nOBJECTIVE:\n\nASSESSMENT:\n\nPLAN:\n', 'system'),
('DISCHARGE_SUMMARY', 'Discharge summary', E'ADMISSION DIAGNOSIS:\n\nDISCHARGE DIAGNOSIS:\n\nHOSPITAL COURSE:\n\nPROCEDURES:\n\nCONDITION AT DISCHARGE:\n\nDISCHARGE MEDICATIONS:\n\nFOLLOW-UP:\n', 'system'),
('OPERATIVE_REPORT', 'Operative report', E'PREOPERATIVE DIAGNOSIS:\n\nPOSTOPERATIVE DIAGNOSIS:\n\nPROCEDURE:\n\nSURGEON:\n\nASSISTANT:\n\nANESTHESIA:\n\nFINDINGS:\n\nDESCRIPTION OF PROCEDURE:\n\nESTIMATED BLOOD LOSS:\n\nSPECIMENS:\n\nCOMPLICATIONS:\n', 'system'),
('CONSULTATION', 'Consultation', E'REASON FOR CONSULTATION:\n\nHISTORY OF PRESENT ILLNESS:\n\nPHYSICAL EXAMINATION:\n\nIMPRESSION:\n\nRECOMMENDATIONS:\n', 'system'),
('EMERGENCY_NOTE', 'Emergency department note', E'CHIEF COMPLAINT:\n\nHISTORY OF PRESENT ILLNESS:\n\nPHYSICAL EXAMINATION:\n\nED COURSE:\n\nDISPOSITION:\n', 'system'),
('NURSING_NOTE', 'Nursing note', E'ASSESSMENT:\n\nINTERVENTIONS:\n\nRESPONSE:\n', 'system'),
('OTHER', 'Other document', E'', 'system');

CREATE TABLE transcription_job (
    id              uuid PRIMARY KEY,
    document_id     uuid NOT NULL UNIQUE REFERENCES document (id),
    source          text NOT NULL CHECK (source IN ('TYPED', 'HL7', 'ADDENDUM')),
    status          text NOT NULL CHECK (status IN ('TRANSCRIBING', 'QA_REVIEW', 'AWAITING_SIGNATURE',
                                                    'AWAITING_COSIGNATURE', 'SIGNED')),
    author_id       uuid REFERENCES practitioner (id),
    cosigner_id     uuid REFERENCES practitioner (id),
    transcribed_by  text,
    reviewed_by     text,
    qa_comment      text,
    signed_by       uuid REFERENCES practitioner (id),
    signed_at       timestamptz,
    cosigned_by     uuid REFERENCES practitioner (id),
    cosigned_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX transcription_job_status ON transcription_job (status, created_at);
CREATE INDEX transcription_job_author ON transcription_job (author_id) WHERE status = 'AWAITING_SIGNATURE';
CREATE INDEX transcription_job_cosigner ON transcription_job (cosigner_id) WHERE status = 'AWAITING_COSIGNATURE';
