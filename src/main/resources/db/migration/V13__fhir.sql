-- FHIR facade: versions of corrected clinical facts, bulk export jobs, API tokens.

-- A clinical fact (encounter, diagnosis, procedure, result) corrected through an interface keeps
-- the row it replaces, whole, with when it was replaced: FHIR _history and vread read these back.
CREATE TABLE fact_version (
    id           bigserial PRIMARY KEY,
    fact_table   text NOT NULL CHECK (fact_table IN ('encounter', 'diagnosis', 'procedure_performed', 'observation')),
    fact_id      uuid NOT NULL,
    patient_id   uuid NOT NULL REFERENCES patient (id),
    replaced_at  timestamptz NOT NULL DEFAULT now(),
    row_data     jsonb NOT NULL
);
CREATE INDEX fact_version_fact ON fact_version (fact_id, id);

-- FHIR Bulk Data $export: one row per kick-off; files are written under the data folder.
CREATE TABLE fhir_export_job (
    id             uuid PRIMARY KEY,
    requested_by   text NOT NULL,
    request_url    text NOT NULL,
    level          text NOT NULL CHECK (level IN ('SYSTEM', 'PATIENT', 'GROUP')),
    group_id       uuid,
    types          text NOT NULL,
    since          timestamptz,
    status         text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    patients_total int NOT NULL DEFAULT 0,
    patients_done  int NOT NULL DEFAULT 0,
    resources      bigint NOT NULL DEFAULT 0,
    bytes          bigint NOT NULL DEFAULT 0,
    error          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);

CREATE TABLE fhir_export_file (
    job_id         uuid NOT NULL REFERENCES fhir_export_job (id) ON DELETE CASCADE,
    resource_type  text NOT NULL,
    file_name      text NOT NULL,
    resources      bigint NOT NULL,
    bytes          bigint NOT NULL,
    PRIMARY KEY (job_id, resource_type)
);

-- Bearer tokens for API clients. Only the SHA-256 of the token is kept: it is random and long,
-- so a fast hash is safe and requests do not pay bcrypt each time.
CREATE TABLE api_token (
    token_sha256   text PRIMARY KEY,
    username       text NOT NULL,
    label          text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz
);
CREATE INDEX api_token_user ON api_token (username);
