-- Official files that hold coding rules rather than codes: the ICD-10-CM tabular list (Excludes1/2,
-- code first, use additional code, 7th characters), order addenda, the POA-exempt list and the
-- Medicare Code Editor lists. One row per loaded file, in force from effective_from to effective_to.
CREATE TABLE terminology_edit_file (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('TABULAR', 'CM_ADDENDA', 'PCS_ADDENDA', 'POA_EXEMPT', 'MCE')),
    version        TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    effective_to   DATE        NOT NULL,
    source_file    TEXT        NOT NULL,
    source_sha256  TEXT        NOT NULL,
    entry_count    INT         NOT NULL,
    loaded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (effective_to >= effective_from),
    UNIQUE (kind, version)
);

-- One entry per code (or chapter/section range such as A00-A09) and list, in file order, with its
-- text (note, title, 7th character and meaning) and the line it came from.
CREATE TABLE terminology_edit_entry (
    file_id BIGINT NOT NULL REFERENCES terminology_edit_file (id) ON DELETE CASCADE,
    seq     INT    NOT NULL,
    list    TEXT   NOT NULL,
    code    TEXT   NOT NULL,
    detail  TEXT   NOT NULL,
    line    INT    NOT NULL,
    PRIMARY KEY (file_id, seq)
);
