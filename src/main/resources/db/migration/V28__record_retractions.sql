-- Facts retracted as entered in error (record.RecordRetractions): never deleted. The row stays with
-- its provenance and earlier versions, flagged so that reads leave it out; who retracted it, when,
-- why and through what is kept in fact_retraction.
ALTER TABLE encounter ADD COLUMN entered_in_error boolean NOT NULL DEFAULT false;
ALTER TABLE diagnosis ADD COLUMN entered_in_error boolean NOT NULL DEFAULT false;
ALTER TABLE procedure_performed ADD COLUMN entered_in_error boolean NOT NULL DEFAULT false;
ALTER TABLE observation ADD COLUMN entered_in_error boolean NOT NULL DEFAULT false;

CREATE TABLE fact_retraction (
    fact_id        uuid PRIMARY KEY,
    fact_table     text NOT NULL CHECK (fact_table IN ('encounter', 'diagnosis', 'procedure_performed', 'observation')),
    reason         text NOT NULL,
    source_system  text NOT NULL,
    source_ref     text,
    retracted_at   timestamptz NOT NULL DEFAULT now(),
    retracted_by   text NOT NULL
);
CREATE INDEX fact_retraction_table_time ON fact_retraction (fact_table, retracted_at);

-- Facts deleted through the FHIR API before the record could retract them: now record retractions.
INSERT INTO fact_retraction (fact_id, fact_table, reason, source_system, source_ref, retracted_at, retracted_by)
SELECT resource_id,
       CASE resource_type WHEN 'Encounter' THEN 'encounter' WHEN 'Condition' THEN 'diagnosis'
                          WHEN 'Procedure' THEN 'procedure_performed' ELSE 'observation' END,
       'deleted through the FHIR API by ' || deleted_by, 'FHIR API', source_ref, deleted_at, deleted_by
  FROM fhir_deletion WHERE resource_type <> 'DocumentReference';
UPDATE encounter SET entered_in_error = true
 WHERE id IN (SELECT fact_id FROM fact_retraction WHERE fact_table = 'encounter');
UPDATE diagnosis SET entered_in_error = true
 WHERE id IN (SELECT fact_id FROM fact_retraction WHERE fact_table = 'diagnosis');
UPDATE procedure_performed SET entered_in_error = true
 WHERE id IN (SELECT fact_id FROM fact_retraction WHERE fact_table = 'procedure_performed');
UPDATE observation SET entered_in_error = true
 WHERE id IN (SELECT fact_id FROM fact_retraction WHERE fact_table = 'observation');
DELETE FROM fhir_deletion WHERE resource_type <> 'DocumentReference';
