-- HL7 v2 inbound. Every message is kept exactly as received (bytes, since a bad frame may hold
-- anything), with what was decided and the ACK that was sent. Rejected rows are the dead-letter
-- list; a replay adds a new row that points at the original, so nothing is ever rewritten.

CREATE TABLE hl7_message (
    id                   uuid PRIMARY KEY,
    received_at          timestamptz NOT NULL,
    remote_address       text NOT NULL,
    control_id           text,
    sending_application  text,
    sending_facility     text,
    message_type         text,
    raw                  bytea NOT NULL,
    size_bytes           int NOT NULL,
    status               text NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')),
    ack_code             text NOT NULL CHECK (ack_code IN ('AA', 'AE', 'AR')),
    error_code           text,
    error_location       text,
    error_message        text,
    ack                  text NOT NULL,
    replay_of            uuid REFERENCES hl7_message (id),
    replayed_by          text,
    resolved_by          uuid REFERENCES hl7_message (id)
);
-- A control id is accepted once per sender; a resend is recognised as a duplicate.
CREATE UNIQUE INDEX hl7_message_accepted_once
    ON hl7_message (coalesce(sending_application, ''), coalesce(sending_facility, ''), control_id)
    WHERE status = 'ACCEPTED';
CREATE INDEX hl7_message_dead_letters ON hl7_message (received_at DESC) WHERE status = 'REJECTED';

-- Record history for ADT feeds: an update keeps the demographics it replaces, and every change to
-- an encounter's course (transfer, discharge, cancellations) is an event with its provenance.
ALTER TABLE encounter ADD COLUMN cancelled_at timestamptz;
ALTER TABLE encounter ADD COLUMN location text;

CREATE TABLE patient_version (
    id              bigserial PRIMARY KEY,
    patient_id      uuid NOT NULL REFERENCES patient (id),
    replaced_at     timestamptz NOT NULL DEFAULT now(),
    given           text NOT NULL,
    family          text NOT NULL,
    birth_date      date NOT NULL,
    sex             text NOT NULL,
    address_line    text,
    city            text,
    state           text,
    postal_code     text,
    phone           text,
    source_system   text NOT NULL,
    source_ref      text,
    received_at     timestamptz NOT NULL,
    recorded_by     text NOT NULL
);
CREATE INDEX patient_version_patient ON patient_version (patient_id);

CREATE TABLE encounter_event (
    id                     bigserial PRIMARY KEY,
    encounter_id           uuid NOT NULL REFERENCES encounter (id),
    patient_id             uuid NOT NULL REFERENCES patient (id),
    event                  text NOT NULL CHECK (event IN ('TRANSFERRED', 'DISCHARGED', 'DISCHARGE_CANCELLED',
                                                          'ADMISSION_CANCELLED')),
    occurred_at            timestamptz,
    previous_location      text,
    location               text,
    previous_discharge_at  timestamptz,
    previous_disposition   text,
    source_system          text NOT NULL,
    source_ref             text,
    received_at            timestamptz NOT NULL,
    recorded_by            text NOT NULL
);
CREATE INDEX encounter_event_encounter ON encounter_event (encounter_id);
