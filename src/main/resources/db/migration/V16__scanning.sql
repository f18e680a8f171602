-- Scanned paper: the files live under the data folder's files/scanned/ (named by their SHA-256);
-- the database keeps what they are, who sent them, and where they are filed.

CREATE TABLE scan_document (
    id             uuid PRIMARY KEY,
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
    media_type     text NOT NULL CHECK (media_type IN ('PDF', 'PNG', 'JPEG', 'TIFF')),
    pages          integer NOT NULL CHECK (pages > 0),
    original_name  text NOT NULL,
    facility_id    uuid REFERENCES facility (id),
    uploaded_by    text NOT NULL,
    uploaded_at    timestamptz NOT NULL,
    status         text NOT NULL CHECK (status IN ('UNINDEXED', 'INDEXED', 'FLAGGED', 'CONFIRMED')),
    patient_id     uuid REFERENCES patient (id),
    encounter_id   uuid REFERENCES encounter (id),
    document_type  text,
    document_date  date,
    indexed_by     text,
    indexed_at     timestamptz,
    flag_reason    text CHECK (flag_reason IN ('WRONG_PATIENT', 'WRONG_ENCOUNTER', 'WRONG_TYPE')),
    flag_comment   text,
    flagged_by     text,
    flagged_at     timestamptz,
    CHECK ((status = 'UNINDEXED') = (patient_id IS NULL)),
    CHECK (patient_id IS NULL OR (document_type IS NOT NULL AND document_date IS NOT NULL)),
    CHECK ((status = 'FLAGGED') = (flag_reason IS NOT NULL))
);
CREATE INDEX scan_document_patient ON scan_document (patient_id, document_date DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX scan_document_queue ON scan_document (status, uploaded_at);

-- Every indexing step, never updated or deleted: who filed the scan where, who confirmed or
-- flagged it, and who moved it from which chart to which, when and why.
CREATE TABLE scan_index_event (
    id              bigserial PRIMARY KEY,
    scan_id         uuid NOT NULL REFERENCES scan_document (id),
    at              timestamptz NOT NULL,
    actor           text NOT NULL,
    action          text NOT NULL CHECK (action IN ('INDEXED', 'CONFIRMED', 'FLAGGED', 'MOVED')),
    from_patient    uuid,
    from_label      text,
    to_patient      uuid,
    to_label        text,
    from_encounter  uuid,
    to_encounter    uuid,
    from_type       text,
    to_type         text,
    from_date       date,
    to_date         date,
    flag_reason     text,
    comment         text
);
CREATE INDEX scan_index_event_scan ON scan_index_event (scan_id, id);

-- Files refused at intake, kept as received (bytes under files/scanned/rejected/ when read whole).
CREATE TABLE scan_rejected (
    id             uuid PRIMARY KEY,
    original_name  text NOT NULL,
    declared_type  text,
    size_bytes     bigint NOT NULL,
    sha256         text,
    reason         text NOT NULL,
    facility_id    uuid REFERENCES facility (id),
    received_by    text NOT NULL,
    received_at    timestamptz NOT NULL
);
CREATE INDEX scan_rejected_received ON scan_rejected (received_at DESC);
