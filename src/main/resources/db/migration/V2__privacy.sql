-- Users, roles, facility scope and the hash-chained audit trail.

CREATE TABLE app_user (
    id                uuid PRIMARY KEY,
    username          text NOT NULL UNIQUE,
    display_name      text NOT NULL,
    password_hash     text NOT NULL,
    enabled           boolean NOT NULL DEFAULT true,
    failed_logins     int NOT NULL DEFAULT 0,
    locked_until      timestamptz,
    practitioner_id   uuid REFERENCES practitioner (id),
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
    user_id  uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     text NOT NULL CHECK (role IN ('HIM_DIRECTOR', 'CODER', 'ROI_SPECIALIST', 'PRIVACY_OFFICER',
                                           'CLINICIAN', 'AUDITOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_facility (
    user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    facility_id  uuid NOT NULL REFERENCES facility (id),
    PRIMARY KEY (user_id, facility_id)
);

-- Each event's hash covers its own fields and the previous event's hash (SHA-256), so a changed,
-- deleted or inserted row breaks the chain. audit_head holds the last link, so a truncated tail
-- is caught too. Appends are serialised by locking the head row.
CREATE TABLE audit_event (
    seq            bigint PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    username       text NOT NULL,
    roles          text NOT NULL,
    action         text NOT NULL,
    outcome        text NOT NULL,
    patient_id     uuid,
    resource_type  text,
    resource_id    text,
    detail         text,
    client_address text,
    prev_hash      text NOT NULL,
    hash           text NOT NULL
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
CREATE INDEX audit_event_user ON audit_event (username, occurred_at);
CREATE INDEX audit_event_patient ON audit_event (patient_id, occurred_at);

CREATE TABLE audit_head (
    id    int PRIMARY KEY CHECK (id = 1),
    seq   bigint NOT NULL,
    hash  text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
