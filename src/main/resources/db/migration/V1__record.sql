-- The legal health record. Every clinical row carries the patient id (the future distribution
-- key) and its provenance: where it came from, in which message or bundle, when, and by whom.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE facility (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    type        text NOT NULL CHECK (type IN ('HOSPITAL', 'PHYSICIAN_OFFICE', 'NURSING_HOME', 'TRAINING')),
    city        text,
    state       text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE practitioner (
    id          uuid PRIMARY KEY,
    npi         text UNIQUE,
    given       text NOT NULL,
    family      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE patient (
    id              uuid PRIMARY KEY,
    given           text NOT NULL,
    family          text NOT NULL,
    birth_date      date NOT NULL,
    sex             text NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    address_line    text,
    city            text,
    state           text,
    postal_code     text,
    phone           text,
    ssn_encrypted   bytea,
    ssn_digest      text,
    deceased_at     timestamptz,
    source_system   text NOT NULL,
    source_ref      text,
    received_at     timestamptz NOT NULL,
    recorded_by     text NOT NULL,
    -- folded names for typo-tolerant search; kept by the repository on every write
    search_name     text NOT NULL
);
CREATE INDEX patient_search_name_trgm ON patient USING gin (search_name gin_trgm_ops);
CREATE INDEX patient_family_metaphone ON patient (dmetaphone(family));
CREATE INDEX patient_birth_date ON patient (birth_date);
CREATE INDEX patient_ssn_digest ON patient (ssn_digest);

-- A medical record number is assigned by one facility (the assigning authority).
CREATE TABLE patient_identifier (
    patient_id   uuid NOT NULL REFERENCES patient (id),
    facility_id  uuid NOT NULL REFERENCES facility (id),
    value        text NOT NULL,
    PRIMARY KEY (facility_id, value)
);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);
CREATE INDEX patient_identifier_value ON patient_identifier (upper(value));

CREATE TABLE encounter (
    id                     uuid PRIMARY KEY,
    patient_id             uuid NOT NULL REFERENCES patient (id),
    facility_id            uuid NOT NULL REFERENCES facility (id),
    visit_number           text,
    class                  text NOT NULL CHECK (class IN ('INPATIENT', 'OUTPATIENT', 'EMERGENCY', 'SNF', 'OBSERVATION')),
    admit_at               timestamptz NOT NULL,
    discharge_at           timestamptz,
    attending_id           uuid REFERENCES practitioner (id),
    discharge_disposition  text,
    reason                 text,
    source_system          text NOT NULL,
    source_ref             text,
    received_at            timestamptz NOT NULL,
    recorded_by            text NOT NULL,
    UNIQUE (facility_id, visit_number)
);
CREATE INDEX encounter_patient ON encounter (patient_id, admit_at);

CREATE TABLE diagnosis (
    id             uuid PRIMARY KEY,
    patient_id     uuid NOT NULL REFERENCES patient (id),
    encounter_id   uuid REFERENCES encounter (id),
    code_system    text NOT NULL,
    code           text NOT NULL,
    display        text NOT NULL,
    poa            text CHECK (poa IN ('Y', 'N', 'U', 'W', 'EXEMPT')),
    sequence       int,
    principal      boolean NOT NULL DEFAULT false,
    onset_at       timestamptz,
    resolved_at    timestamptz,
    source_system  text NOT NULL,
    source_ref     text,
    received_at    timestamptz NOT NULL,
    recorded_by    text NOT NULL
);
CREATE INDEX diagnosis_patient ON diagnosis (patient_id);
CREATE INDEX diagnosis_encounter ON diagnosis (encounter_id);

CREATE TABLE procedure_performed (
    id             uuid PRIMARY KEY,
    patient_id     uuid NOT NULL REFERENCES patient (id),
    encounter_id   uuid REFERENCES encounter (id),
    code_system    text NOT NULL,
    code           text NOT NULL,
    display        text NOT NULL,
    performed_at   timestamptz,
    source_system  text NOT NULL,
    source_ref     text,
    received_at    timestamptz NOT NULL,
    recorded_by    text NOT NULL
);
CREATE INDEX procedure_patient ON procedure_performed (patient_id);
CREATE INDEX procedure_encounter ON procedure_performed (encounter_id);

CREATE TABLE observation (
    id              uuid PRIMARY KEY,
    patient_id      uuid NOT NULL REFERENCES patient (id),
    encounter_id    uuid REFERENCES encounter (id),
    loinc_code      text NOT NULL,
    display         text NOT NULL,
    value_numeric   numeric,
    value_text      text,
    unit            text,
    reference_low   numeric,
    reference_high  numeric,
    abnormal_flag   text CHECK (abnormal_flag IN ('L', 'H', 'LL', 'HH', 'A', 'N')),
    observed_at     timestamptz NOT NULL,
    source_system   text NOT NULL,
    source_ref      text,
    received_at     timestamptz NOT NULL,
    recorded_by     text NOT NULL
);
CREATE INDEX observation_patient ON observation (patient_id, observed_at);

-- A clinical document is a chain of immutable versions. Editing a signed document, marking it
-- entered-in-error or amending it adds a version; an addendum is a new document linked to the
-- one it adds to. Nothing here is ever updated or deleted (see the trigger below).
CREATE TABLE document (
    id             uuid PRIMARY KEY,
    patient_id     uuid NOT NULL REFERENCES patient (id),
    encounter_id   uuid REFERENCES encounter (id),
    type           text NOT NULL CHECK (type IN ('HISTORY_AND_PHYSICAL', 'PROGRESS_NOTE', 'DISCHARGE_SUMMARY',
                                                 'OPERATIVE_REPORT', 'CONSULTATION', 'EMERGENCY_NOTE',
                                                 'NURSING_NOTE', 'ADDENDUM', 'OTHER')),
    addendum_to    uuid REFERENCES document (id),
    created_at     timestamptz NOT NULL
);
CREATE INDEX document_patient ON document (patient_id);
CREATE INDEX document_encounter ON document (encounter_id);

CREATE TABLE document_version (
    document_id    uuid NOT NULL REFERENCES document (id),
    version        int NOT NULL CHECK (version >= 1),
    patient_id     uuid NOT NULL REFERENCES patient (id),
    status         text NOT NULL CHECK (status IN ('DRAFT', 'FINAL', 'AMENDED', 'ENTERED_IN_ERROR')),
    title          text NOT NULL,
    body           text NOT NULL,
    author_id      uuid REFERENCES practitioner (id),
    signed_at      timestamptz,
    signed_by      uuid REFERENCES practitioner (id),
    change_reason  text,
    source_system  text NOT NULL,
    source_ref     text,
    received_at    timestamptz NOT NULL,
    recorded_by    text NOT NULL,
    PRIMARY KEY (document_id, version)
);
CREATE INDEX document_version_patient ON document_version (patient_id);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER document_version_append_only
    BEFORE UPDATE OR DELETE ON document_version
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
