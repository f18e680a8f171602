-- Release of information: requests with their authorization, the documents chosen for release,
-- the packets produced, the accounting of disclosures (164.528) and amendment requests (164.526).

CREATE TABLE roi_request (
    id                      uuid PRIMARY KEY,
    patient_id              uuid NOT NULL REFERENCES patient (id),
    requester_type          text NOT NULL,
    requester_name          text NOT NULL,
    requester_address       text,
    information_requested   text NOT NULL,
    purpose                 text NOT NULL,
    received_on             date NOT NULL,
    due_on                  date NOT NULL,
    extended_on             date,
    extension_reason        text,
    status                  text NOT NULL CHECK (status IN ('OPEN', 'RELEASED', 'DENIED')),
    -- the authorization as presented (null columns: element missing)
    auth_present            boolean NOT NULL DEFAULT false,
    auth_description        text,
    auth_disclosing_party   text,
    auth_recipient          text,
    auth_purpose            text,
    auth_expires            text,
    auth_signed_on          date,
    auth_signed_by          text,
    auth_revocation_statement  boolean NOT NULL DEFAULT false,
    auth_conditioning_statement boolean NOT NULL DEFAULT false,
    auth_redisclosure_statement boolean NOT NULL DEFAULT false,
    auth_revoked            boolean NOT NULL DEFAULT false,
    part2_consent           boolean NOT NULL DEFAULT false,
    date_from               date,
    date_to                 date,
    closed_at               timestamptz,
    closed_by               text,
    close_note              text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    created_by              text NOT NULL
);
CREATE INDEX roi_request_open ON roi_request (status, due_on);
CREATE INDEX roi_request_patient ON roi_request (patient_id);

CREATE TABLE roi_request_document (
    request_id   uuid NOT NULL REFERENCES roi_request (id),
    document_id  uuid NOT NULL REFERENCES document (id),
    PRIMARY KEY (request_id, document_id)
);

CREATE TABLE roi_packet (
    id            uuid PRIMARY KEY,
    request_id    uuid NOT NULL REFERENCES roi_request (id),
    pages         int NOT NULL,
    fee           numeric(10, 2) NOT NULL,
    pdf           bytea NOT NULL,
    sha256        text NOT NULL,
    produced_at   timestamptz NOT NULL,
    produced_by   text NOT NULL
);
CREATE INDEX roi_packet_request ON roi_packet (request_id);

-- Every disclosure made, TPO or not; the accounting (164.528) is the rows with accountable = true.
CREATE TABLE disclosure (
    id             uuid PRIMARY KEY,
    patient_id     uuid NOT NULL REFERENCES patient (id),
    disclosed_on   date NOT NULL,
    recipient      text NOT NULL,
    recipient_address text,
    description    text NOT NULL,
    purpose        text NOT NULL,
    legal_basis    text NOT NULL,
    accountable    boolean NOT NULL,
    request_id     uuid REFERENCES roi_request (id),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    recorded_by    text NOT NULL
);
CREATE INDEX disclosure_patient ON disclosure (patient_id, disclosed_on);

CREATE TABLE amendment (
    id                 uuid PRIMARY KEY,
    patient_id         uuid NOT NULL REFERENCES patient (id),
    document_id        uuid NOT NULL REFERENCES document (id),
    requested_change   text NOT NULL,
    reason             text NOT NULL,
    received_on        date NOT NULL,
    due_on             date NOT NULL,
    status             text NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DENIED')),
    decided_at         timestamptz,
    decided_by         text,
    amendment_document_id uuid REFERENCES document (id),
    denial_basis       text,
    denial_letter      text,
    disagreement       text,
    disagreement_on    date,
    rebuttal           text,
    rebuttal_on        date,
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX amendment_open ON amendment (status, due_on);
CREATE INDEX amendment_document ON amendment (document_id);

-- Recipients told of an accepted amendment (164.526(c)(3)).
CREATE TABLE amendment_notice (
    amendment_id   uuid NOT NULL REFERENCES amendment (id),
    recipient      text NOT NULL,
    disclosure_id  uuid REFERENCES disclosure (id),
    notified_at    timestamptz NOT NULL,
    PRIMARY KEY (amendment_id, recipient)
);
