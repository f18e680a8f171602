-- FHIR DELETE in a legal health record: nothing is removed. A deleted resource is marked
-- entered-in-error here, as one more version of it (who, when, through which request); its rows
-- and earlier versions stay, reads answer 410 Gone and _history still lists every version.
CREATE TABLE fhir_deletion (
    resource_id    uuid PRIMARY KEY,
    resource_type  text NOT NULL CHECK (resource_type IN ('Encounter', 'Condition', 'Procedure', 'Observation',
                                                           'DocumentReference')),
    version        int NOT NULL,
    deleted_at     timestamptz NOT NULL DEFAULT now(),
    deleted_by     text NOT NULL,
    source_ref     text NOT NULL
);
CREATE INDEX fhir_deletion_type_time ON fhir_deletion (resource_type, deleted_at);
