-- Master patient index: enterprise identities, duplicate review tasks, reversible merges,
-- per-facility thresholds, the trained match model and overlay flags.

-- Every patient record belongs to one enterprise identity (the person); a record with no row
-- here is its own. A merged-away record points at the record it was merged into.
CREATE TABLE mpi_identity (
    patient_id     uuid PRIMARY KEY REFERENCES patient (id),
    enterprise_id  uuid NOT NULL,
    merged_into    uuid REFERENCES patient (id)
);
CREATE INDEX mpi_identity_enterprise ON mpi_identity (enterprise_id);

-- A pair proposed as duplicates. patient_a < patient_b, so a pair has one row and a
-- "not a duplicate" decision is remembered: the pair is never proposed again.
CREATE TABLE mpi_review_task (
    id            uuid PRIMARY KEY,
    patient_a     uuid NOT NULL REFERENCES patient (id),
    patient_b     uuid NOT NULL REFERENCES patient (id),
    weight        double precision NOT NULL,
    pattern       int NOT NULL,
    decision      text NOT NULL CHECK (decision IN ('auto-link', 'review')),
    reason        text,
    source        text NOT NULL CHECK (source IN ('SCAN', 'REALTIME', 'HL7', 'FHIR')),
    status        text NOT NULL CHECK (status IN ('OPEN', 'DEFERRED', 'MERGED', 'NOT_DUPLICATE')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    decided_at    timestamptz,
    decided_by    text,
    CHECK (patient_a < patient_b),
    UNIQUE (patient_a, patient_b)
);
CREATE INDEX mpi_review_task_open ON mpi_review_task (status, weight DESC);

-- A merge keeps everything needed to undo it: both patient rows as they were and the ids of
-- every row re-pointed from the retired record to the survivor.
CREATE TABLE mpi_merge (
    id               uuid PRIMARY KEY,
    survivor_id      uuid NOT NULL REFERENCES patient (id),
    retired_id       uuid NOT NULL REFERENCES patient (id),
    source           text NOT NULL CHECK (source IN ('REVIEW', 'HL7_A40', 'FHIR_LINK')),
    survivor_before  jsonb NOT NULL,
    retired_before   jsonb NOT NULL,
    identity_before  jsonb NOT NULL,
    repointed        jsonb NOT NULL,
    merged_at        timestamptz NOT NULL DEFAULT now(),
    merged_by        text NOT NULL,
    unmerged_at      timestamptz,
    unmerged_by      text
);
CREATE INDEX mpi_merge_survivor ON mpi_merge (survivor_id);
CREATE INDEX mpi_merge_retired ON mpi_merge (retired_id);

CREATE TABLE mpi_threshold (
    facility_id  uuid PRIMARY KEY REFERENCES facility (id),
    auto_link    double precision NOT NULL,
    review       double precision NOT NULL,
    CHECK (review <= auto_link)
);

-- The model the last scan estimated (m and u per field and level), used by real-time matching.
CREATE TABLE mpi_model (
    id          bigserial PRIMARY KEY,
    trained_at  timestamptz NOT NULL DEFAULT now(),
    records     bigint NOT NULL,
    model       jsonb NOT NULL
);

-- One MRN whose data looks like two people (an overlay).
CREATE TABLE mpi_overlay_flag (
    patient_id   uuid PRIMARY KEY REFERENCES patient (id),
    reason       text NOT NULL,
    flagged_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz
);
