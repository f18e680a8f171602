-- Data quality: findings of the rules, chart-completion tracking, physician notifications.

-- One row per problem a rule found on one subject (a patient, encounter, document, fact). The same
-- problem found again updates its row (de-duplication); a problem no longer found is resolved.
CREATE TABLE quality_finding (
    id               uuid PRIMARY KEY,
    rule_id          text NOT NULL,
    subject          text NOT NULL,
    category         text NOT NULL CHECK (category IN ('COMPLETENESS', 'ACCURACY', 'CONSISTENCY', 'TIMELINESS')),
    severity         text NOT NULL CHECK (severity IN ('ERROR', 'WARNING', 'INFO')),
    patient_id       uuid NOT NULL,
    encounter_id     uuid,
    document_id      uuid,
    facility_id      uuid,
    responsible_id   uuid,
    location         text NOT NULL,
    message          text NOT NULL,
    status           text NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    first_seen       timestamptz NOT NULL,
    changed_at       timestamptz NOT NULL,
    resolved_at      timestamptz,
    UNIQUE (rule_id, subject)
);
CREATE INDEX quality_finding_patient ON quality_finding (patient_id, status);
CREATE INDEX quality_finding_open_responsible ON quality_finding (responsible_id) WHERE status = 'OPEN';
CREATE INDEX quality_finding_encounter ON quality_finding (encounter_id);

-- A rule that threw on a patient: the scan went on; the failure stays until a later run succeeds.
CREATE TABLE quality_rule_failure (
    rule_id      text NOT NULL,
    patient_id   uuid NOT NULL,
    message      text NOT NULL,
    failed_at    timestamptz NOT NULL,
    PRIMARY KEY (rule_id, patient_id)
);

CREATE TABLE quality_scan (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('FULL', 'INCREMENTAL')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    patients      int NOT NULL,
    open_findings int NOT NULL,
    opened        int NOT NULL,
    resolved      int NOT NULL,
    failures      int NOT NULL,
    partial       boolean NOT NULL
);

-- Which practitioner a user account signs as: a physician's deficiency queue is that practitioner's.
CREATE TABLE quality_physician_account (
    username         text PRIMARY KEY,
    practitioner_id  uuid NOT NULL UNIQUE
);

-- The HIM analyst's review of a discharged chart (record completion tracking).
CREATE TABLE quality_chart_review (
    encounter_id  uuid PRIMARY KEY,
    reviewed_by   text NOT NULL,
    reviewed_at   timestamptz NOT NULL
);

-- In-app notices to physicians about open deficiencies; level 2 and up are escalations.
CREATE TABLE quality_notification (
    id               uuid PRIMARY KEY,
    practitioner_id  uuid NOT NULL,
    finding_id       uuid NOT NULL REFERENCES quality_finding (id),
    level            int NOT NULL CHECK (level >= 1),
    message          text NOT NULL,
    sent_at          timestamptz NOT NULL,
    read_at          timestamptz,
    UNIQUE (finding_id, level)
);
CREATE INDEX quality_notification_practitioner ON quality_notification (practitioner_id, sent_at DESC);
