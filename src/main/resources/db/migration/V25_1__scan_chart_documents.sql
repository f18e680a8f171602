-- A filed scan is a document of its chart (scanning.ScanChartDocuments): the chart, document
-- sensitivity labels, the quality rules and FHIR DocumentReference all see it. Scans filed before
-- this migration get their chart document now, unsigned (whether the paper bears a signature was
-- not recorded), authored by the encounter's attending, dated by the paper.
ALTER TABLE scan_document ADD COLUMN chart_document_id uuid,
                          ADD COLUMN signed_on_paper boolean NOT NULL DEFAULT false;
UPDATE scan_document SET chart_document_id = gen_random_uuid() WHERE patient_id IS NOT NULL;
INSERT INTO document (id, patient_id, encounter_id, type, addendum_to, created_at)
SELECT s.chart_document_id, s.patient_id, s.encounter_id, s.document_type, NULL,
       (s.document_date::timestamp AT TIME ZONE 'UTC')
  FROM scan_document s WHERE s.chart_document_id IS NOT NULL;
INSERT INTO document_version (document_id, version, patient_id, status, title, body, author_id, signed_at, signed_by,
                              change_reason, source_system, source_ref, received_at, recorded_by)
SELECT s.chart_document_id, 1, s.patient_id, 'DRAFT',
       'Scanned ' || lower(replace(s.document_type, '_', ' ')),
       'Scanned paper document ''' || s.original_name || ''' (' || s.media_type || ', ' || s.pages
           || CASE WHEN s.pages = 1 THEN ' page' ELSE ' pages' END || '), dated ' || s.document_date
           || '. The image is scan ' || s.id || ' in scanned documents.',
       e.attending_id, NULL, NULL, NULL, 'custodian-scanning', 'scan ' || s.id, coalesce(s.indexed_at, now()),
       coalesce(s.indexed_by, 'migration V25')
  FROM scan_document s LEFT JOIN encounter e ON e.id = s.encounter_id
 WHERE s.chart_document_id IS NOT NULL;
ALTER TABLE scan_document ADD CONSTRAINT scan_document_chart_document
    FOREIGN KEY (chart_document_id) REFERENCES document (id);
