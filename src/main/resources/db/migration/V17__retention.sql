-- Retention and continuity: schedules per record type and facility, legal holds, and destruction
-- batches proposed by one person and approved by another. A destroyed record leaves only its
-- tombstone (destruction_item): what it was, whose, which dates, when, how, by whom, authorised by whom.

-- How long a kind of record is kept. facility_id NULL is the default for every facility; a row for a
-- facility overrides it (state rules differ). Minors' records are kept until the age of majority
-- plus years_after_majority, or years_after_last_activity, whichever ends later.
CREATE TABLE retention_schedule (
    id                         uuid PRIMARY KEY,
    record_type                text NOT NULL CHECK (record_type IN ('ENCOUNTER', 'ROI_PACKET')),
    facility_id                uuid REFERENCES facility (id),
    years_after_last_activity  int NOT NULL CHECK (years_after_last_activity BETWEEN 0 AND 100),
    age_of_majority            int NOT NULL CHECK (age_of_majority BETWEEN 14 AND 25),
    years_after_majority       int NOT NULL CHECK (years_after_majority BETWEEN 0 AND 100),
    basis                      text,
    updated_by                 text NOT NULL,
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (record_type, facility_id)
);

-- Defaults only: configurable per facility, not legal advice (see the README).
INSERT INTO retention_schedule (id, record_type, facility_id, years_after_last_activity, age_of_majority,
                                years_after_majority, basis, updated_by)
VALUES ('00000000-0000-0000-0000-000000000e01', 'ENCOUNTER', NULL, 10, 18, 3,
        'Default: adults 10 years after discharge; minors until majority (18) plus 3 years if later', 'custodian'),
       ('00000000-0000-0000-0000-000000000e02', 'ROI_PACKET', NULL, 6, 18, 0,
        'Default: copies released under an authorization, 6 years (45 CFR 164.530(j))', 'custodian');

-- A legal hold (litigation, investigation, audit) suspends destruction of a patient's records, or of
-- a facility's records whose service dates overlap a date range. Released holds stay on file.
CREATE TABLE legal_hold (
    id            uuid PRIMARY KEY,
    matter        text NOT NULL,
    scope         text NOT NULL CHECK (scope IN ('PATIENT', 'FACILITY')),
    patient_id    uuid REFERENCES patient (id),
    facility_id   uuid REFERENCES facility (id),
    from_date     date,
    to_date       date,
    reason        text,
    placed_by     text NOT NULL,
    placed_at     timestamptz NOT NULL,
    released_by   text,
    released_at   timestamptz,
    release_note  text,
    CHECK ((scope = 'PATIENT' AND patient_id IS NOT NULL) OR (scope = 'FACILITY' AND facility_id IS NOT NULL)),
    CHECK (from_date IS NULL OR to_date IS NULL OR from_date <= to_date)
);
CREATE INDEX legal_hold_active_patient ON legal_hold (patient_id) WHERE released_at IS NULL;
CREATE INDEX legal_hold_active_facility ON legal_hold (facility_id) WHERE released_at IS NULL;

CREATE TABLE destruction_batch (
    id                  uuid PRIMARY KEY,
    record_type         text NOT NULL,
    facility_id         uuid REFERENCES facility (id),
    status              text NOT NULL CHECK (status IN ('PROPOSED', 'DESTROYED', 'REJECTED')),
    method              text NOT NULL,
    proposed_by         text NOT NULL,
    proposed_at         timestamptz NOT NULL,
    decided_by          text,
    decided_at          timestamptz,
    decision_note       text,
    certificate_file    text,
    certificate_sha256  text,
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX destruction_batch_status ON destruction_batch (status, proposed_at DESC);

-- The tombstone: identifiers and dates only, never clinical content.
CREATE TABLE destruction_item (
    batch_id          uuid NOT NULL REFERENCES destruction_batch (id),
    record_id         uuid NOT NULL,
    record_type       text NOT NULL,
    patient_id        uuid NOT NULL,
    mrn               text,
    facility_code     text,
    service_from      date,
    last_activity     date NOT NULL,
    retain_until      date NOT NULL,
    rule              text NOT NULL,
    status            text NOT NULL CHECK (status IN ('PROPOSED', 'DESTROYED', 'WITHHELD')),
    withheld_because  text,
    rows_destroyed    text,
    PRIMARY KEY (batch_id, record_id)
);
CREATE INDEX destruction_item_record ON destruction_item (record_id);

-- Append-only rows stay append-only, except that an approved destruction (which sets
-- custodian.destruction for its own transaction) may delete clinical rows. The audit trail never.
CREATE OR REPLACE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME <> 'audit_event'
            AND coalesce(current_setting('custodian.destruction', true), '') = 'approved' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
