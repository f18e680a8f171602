-- A batch scan links the pairs it is certain of itself, through the same reversible merge.
ALTER TABLE mpi_merge DROP CONSTRAINT mpi_merge_source_check;
ALTER TABLE mpi_merge ADD CONSTRAINT mpi_merge_source_check
    CHECK (source IN ('REVIEW', 'HL7_A40', 'FHIR_LINK', 'AUTO_LINK'));

-- Real-time candidate lookup: family-name sound within a birth year, without reading every
-- patient who shares a common name's sound.
CREATE INDEX patient_family_metaphone_birth ON patient (dmetaphone(family), birth_date);
