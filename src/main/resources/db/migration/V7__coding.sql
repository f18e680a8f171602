-- Coding workflow. A discharged encounter is in the coding queue whether or not it has a row here
-- (the queue is a query over the record); a row appears when the discharge is announced or someone
-- works the case, and keeps its status, assignee and payer.
CREATE TABLE coding_case (
    encounter_id     uuid PRIMARY KEY REFERENCES encounter (id),
    patient_id       uuid NOT NULL REFERENCES patient (id),
    facility_id      uuid NOT NULL REFERENCES facility (id),
    status           text NOT NULL CHECK (status IN ('TO_CODE', 'IN_PROGRESS', 'ON_HOLD_QUERY', 'CODED', 'AUDITED')),
    assignee         text,
    -- the record holds no coverage; the coder enters the payer from the face sheet (null: not recorded)
    payer            text,
    opened_at        timestamptz NOT NULL,
    coded_at         timestamptz,
    coded_by         text,
    override_reason  text,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX coding_case_status ON coding_case (status, facility_id);
CREATE INDEX coding_case_coded ON coding_case (coded_by, coded_at);

-- Every change of status, assignee or payer, with who and when (the audit trail has it too).
CREATE TABLE coding_case_event (
    id            bigserial PRIMARY KEY,
    encounter_id  uuid NOT NULL REFERENCES coding_case (encounter_id),
    occurred_at   timestamptz NOT NULL,
    actor         text NOT NULL,
    from_status   text,
    to_status     text NOT NULL,
    detail        text
);
CREATE INDEX coding_case_event_encounter ON coding_case_event (encounter_id, occurred_at);

-- Codes a coder assigned. PRIMARY is the coding that is billed; AUDIT is a second coder's blind re-code.
CREATE TABLE coded_line (
    id            uuid PRIMARY KEY,
    encounter_id  uuid NOT NULL REFERENCES coding_case (encounter_id),
    pass          text NOT NULL CHECK (pass IN ('PRIMARY', 'AUDIT')),
    kind          text NOT NULL CHECK (kind IN ('DIAGNOSIS', 'PROCEDURE')),
    code_system   text NOT NULL CHECK (code_system IN ('ICD10CM', 'ICD10PCS', 'HCPCS')),
    code          text NOT NULL,
    description   text NOT NULL,
    principal     boolean NOT NULL DEFAULT false,
    poa           text CHECK (poa IN ('Y', 'N', 'U', 'W', 'EXEMPT')),
    performed_on  date,
    added_by      text NOT NULL,
    added_at      timestamptz NOT NULL,
    UNIQUE (encounter_id, pass, kind, code)
);
CREATE UNIQUE INDEX coded_line_one_principal ON coded_line (encounter_id, pass) WHERE principal;

-- Finalising with edits still failing needs a reason; kept with the edits it overrode.
CREATE TABLE coding_override (
    id            bigserial PRIMARY KEY,
    encounter_id  uuid NOT NULL REFERENCES coding_case (encounter_id),
    reason        text NOT NULL,
    edits         text NOT NULL,
    actor         text NOT NULL,
    occurred_at   timestamptz NOT NULL
);

-- The coder's decision on each computer-assisted suggestion, for the acceptance rate.
CREATE TABLE suggestion_decision (
    id              bigserial PRIMARY KEY,
    encounter_id    uuid NOT NULL REFERENCES coding_case (encounter_id),
    suggested_code  text NOT NULL,
    decision        text NOT NULL CHECK (decision IN ('ACCEPTED', 'EDITED', 'REJECTED')),
    final_code      text,
    confidence      double precision NOT NULL,
    evidence        text,
    decided_by      text NOT NULL,
    decided_at      timestamptz NOT NULL,
    UNIQUE (encounter_id, suggested_code)
);

-- A coder's documentation question to a physician; the answer is filed in the record as a document.
CREATE TABLE physician_query (
    id                  uuid PRIMARY KEY,
    encounter_id        uuid NOT NULL REFERENCES coding_case (encounter_id),
    patient_id          uuid NOT NULL REFERENCES patient (id),
    practitioner_id     uuid NOT NULL REFERENCES practitioner (id),
    question            text NOT NULL,
    raised_by           text NOT NULL,
    raised_at           timestamptz NOT NULL,
    status              text NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
    answer              text,
    answered_by         text,
    answered_at         timestamptz,
    answer_document_id  uuid REFERENCES document (id)
);
CREATE INDEX physician_query_open ON physician_query (practitioner_id, status);

-- A coding audit: a second coder re-coded the case blind; agreement is counted code by code.
CREATE TABLE coding_audit (
    encounter_id   uuid PRIMARY KEY REFERENCES coding_case (encounter_id),
    auditor        text NOT NULL,
    started_at     timestamptz NOT NULL,
    completed_at   timestamptz,
    agreed         int,
    original_only  int,
    audit_only     int
);
