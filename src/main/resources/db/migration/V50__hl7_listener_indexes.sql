-- Two statements that the record-change listeners run after every HL7 batch scanned a whole table
-- in their prepared (generic) plans; measured with pg_stat_statements under an MLLP load (issue 3).

-- Analytics drops code roll-ups that fell to zero (MonthRollups.DROP_EMPTY_CODES). Zero rows are
-- deleted as soon as they appear, so this index stays nearly empty.
CREATE INDEX analytics_code_month_empty ON analytics_code_month (facility_id, month, kind, code_system, code)
    WHERE encounters = 0;

-- Transcription queues drafts that arrived by HL7 (JobRepository.queueInterfaceDrafts), looking for
-- documents whose first version came from an HL7 interface.
CREATE INDEX document_version_hl7_first ON document_version (document_id)
    WHERE version = 1 AND source_system LIKE 'hl7v2:%';
