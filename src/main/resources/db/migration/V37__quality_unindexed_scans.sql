-- Data quality (issue 6): a scanned document uploaded but still not indexed to a chart after the
-- policy days is a finding (quality.UnindexedScans). It belongs to no patient's chart yet (at most
-- to the facility that received it), so such findings have no patient.
ALTER TABLE quality_finding ALTER COLUMN patient_id DROP NOT NULL;
