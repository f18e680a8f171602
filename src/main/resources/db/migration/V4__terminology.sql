-- Official code set releases (ICD-10-CM, ICD-10-PCS, HCPCS Level II), one row per loaded release file.
-- A release is in force from effective_from to effective_to; a later release of the same system that
-- starts inside that span (an April update) takes over from its own effective_from.
CREATE TABLE terminology_release (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_system    TEXT        NOT NULL CHECK (code_system IN ('ICD10CM', 'ICD10PCS', 'HCPCS')),
    version        TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    effective_to   DATE        NOT NULL,
    source_file    TEXT        NOT NULL,
    source_sha256  TEXT        NOT NULL,
    code_count     INT         NOT NULL,
    billable_count INT         NOT NULL,
    loaded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (effective_to >= effective_from),
    UNIQUE (code_system, effective_from)
);

-- Codes as the release file lists them: code without dot, tabular order, billable (valid for HIPAA
-- transactions) or header. HCPCS codes carry their own action-effective and termination dates.
CREATE TABLE terminology_code (
    release_id        BIGINT  NOT NULL REFERENCES terminology_release (id) ON DELETE CASCADE,
    code              TEXT    NOT NULL,
    seq               INT     NOT NULL,
    billable          BOOLEAN NOT NULL,
    short_description TEXT    NOT NULL,
    long_description  TEXT    NOT NULL,
    valid_from        DATE,
    valid_to          DATE,
    PRIMARY KEY (release_id, code)
);

CREATE INDEX terminology_code_by_code ON terminology_code (code);
