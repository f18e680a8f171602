-- Fine-grained access: sensitivity labels, patient-requested restrictions, break-the-glass,
-- and multi-factor authentication (TOTP secrets sealed with the identifier key, recovery codes hashed).

-- A label on a whole patient, one encounter or one document. Labels are facts about the record,
-- so removing one keeps the row (removed_at) for the audit of who saw what when.
CREATE TABLE sensitivity_label (
    id           uuid PRIMARY KEY,
    patient_id   uuid NOT NULL REFERENCES patient (id),
    target_type  text NOT NULL CHECK (target_type IN ('PATIENT', 'ENCOUNTER', 'DOCUMENT')),
    target_id    uuid NOT NULL,
    label        text NOT NULL CHECK (label IN ('SUBSTANCE_USE_PART2', 'BEHAVIORAL_HEALTH', 'HIV',
                                                'REPRODUCTIVE_HEALTH', 'VIP', 'EMPLOYEE')),
    applied_by   text NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    removed_by   text,
    removed_at   timestamptz
);
CREATE INDEX sensitivity_label_patient ON sensitivity_label (patient_id) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX sensitivity_label_once ON sensitivity_label (target_type, target_id, label) WHERE removed_at IS NULL;

-- A restriction the patient asked for (164.522): keep a named user, or everyone in a role, out of the record.
CREATE TABLE patient_restriction (
    id               uuid PRIMARY KEY,
    patient_id       uuid NOT NULL REFERENCES patient (id),
    restricted_user  text,
    restricted_role  text,
    reason           text NOT NULL,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by      text NOT NULL,
    ended_at         timestamptz,
    CHECK (restricted_user IS NOT NULL OR restricted_role IS NOT NULL)
);
CREATE INDEX patient_restriction_patient ON patient_restriction (patient_id) WHERE ended_at IS NULL;

-- Emergency access declared by a user the policy denied; time-limited and reviewed by the privacy officer.
CREATE TABLE break_glass (
    id            uuid PRIMARY KEY,
    username      text NOT NULL,
    roles         text NOT NULL,
    patient_id    uuid NOT NULL REFERENCES patient (id),
    reason        text NOT NULL,
    denied_because text NOT NULL,
    declared_at   timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_outcome text CHECK (review_outcome IN ('APPROPRIATE', 'INAPPROPRIATE')),
    review_note   text
);
CREATE INDEX break_glass_active ON break_glass (username, patient_id, expires_at);
CREATE INDEX break_glass_unreviewed ON break_glass (declared_at) WHERE reviewed_at IS NULL;

CREATE TABLE user_mfa (
    user_id           uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    secret_sealed     bytea NOT NULL,
    confirmed_at      timestamptz,
    last_used_step    bigint NOT NULL DEFAULT 0
);

CREATE TABLE user_recovery_code (
    user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash  text NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Roles whose members must use a second factor (set by an administrator).
CREATE TABLE mfa_required_role (
    role        text PRIMARY KEY CHECK (role IN ('HIM_DIRECTOR', 'CODER', 'ROI_SPECIALIST', 'PRIVACY_OFFICER',
                                                  'CLINICIAN', 'AUDITOR', 'ADMIN')),
    required_by text NOT NULL,
    required_at timestamptz NOT NULL DEFAULT now()
);
