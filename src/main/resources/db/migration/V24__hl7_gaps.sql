-- A result's status as its source states it (HL7 OBX-11, FHIR Observation.status): a preliminary
-- value is not a final one, and a cancelled or withdrawn result stays visible as such. Rows from
-- before this column were stored as final results.
ALTER TABLE observation ADD COLUMN status text NOT NULL DEFAULT 'FINAL'
    CHECK (status IN ('REGISTERED', 'PRELIMINARY', 'FINAL', 'AMENDED', 'CORRECTED', 'CANCELLED', 'ENTERED_IN_ERROR',
                      'UNKNOWN'));

-- The admitting (HL7 PV1-17) and referring (PV1-8) doctors of an encounter, beside the attending one.
ALTER TABLE encounter ADD COLUMN admitting_id uuid REFERENCES practitioner (id);
ALTER TABLE encounter ADD COLUMN referring_id uuid REFERENCES practitioner (id);
