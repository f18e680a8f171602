-- Final codes a re-finalised coding no longer holds. Coding files each final code in the record
-- (diagnosis, procedure_performed, source_system 'Custodian coding'); when a reopened case is
-- finalised again, a code removed or changed since is taken out of the record and kept here, whole,
-- with who filed it, who retired it, when and why (superseded), so the record shows the current
-- coding only and the history of the billed codes is not lost.
CREATE TABLE coding_retired_code (
    id             bigserial PRIMARY KEY,
    fact_id        uuid NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('DIAGNOSIS', 'PROCEDURE')),
    patient_id     uuid NOT NULL REFERENCES patient (id),
    encounter_id   uuid NOT NULL REFERENCES encounter (id),
    code_system    text NOT NULL,
    code           text NOT NULL,
    display        text NOT NULL,
    poa            text,
    sequence       int,
    principal      boolean,
    performed_at   timestamptz,
    filed_by       text NOT NULL,
    filed_at       timestamptz NOT NULL,
    retired_by     text NOT NULL,
    retired_at     timestamptz NOT NULL,
    reason         text NOT NULL
);
CREATE INDEX coding_retired_code_encounter ON coding_retired_code (encounter_id);
