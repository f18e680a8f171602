-- A synthetic record for `custodian analytics bench`: ${patients} patients at three facilities and
-- ${encounters} encounters over five years (12 % inpatient, 1-9 days), two diagnoses per encounter,
-- a procedure per inpatient stay, diabetics (8 %) with three HbA1c results each, gross charges on
-- 97 % of encounters and coding final 1-21 days after discharge (so DNFB holds the last weeks). Seeded, so
-- every run builds the same record. Never run against a real data folder (the command refuses).
SELECT setseed(0.42);

INSERT INTO facility (id, code, name, type, city, state) VALUES
    (md5('bench-facility-0')::uuid, 'BENCH-H', 'Bench General Hospital', 'HOSPITAL', 'Boston', 'MA'),
    (md5('bench-facility-1')::uuid, 'BENCH-P', 'Bench Family Practice', 'PHYSICIAN_OFFICE', 'Boston', 'MA'),
    (md5('bench-facility-2')::uuid, 'BENCH-N', 'Bench Nursing Home', 'NURSING_HOME', 'Boston', 'MA');

INSERT INTO patient (id, given, family, birth_date, sex, source_system, received_at, recorded_by, search_name)
SELECT md5('bench-patient-' || g)::uuid, 'Given' || g, 'Family' || (g % 5000),
       date '1930-01-01' + (random() * 30000)::int, CASE WHEN g % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       'bench', now(), 'bench', 'given' || g || ' family' || (g % 5000)
  FROM generate_series(1, ${patients}) g;

INSERT INTO patient_identifier (patient_id, facility_id, value)
SELECT md5('bench-patient-' || g)::uuid, md5('bench-facility-' || (g % 3))::uuid, 'B' || g
  FROM generate_series(1, ${patients}) g;

INSERT INTO encounter (id, patient_id, facility_id, visit_number, class, admit_at, discharge_at,
                       discharge_disposition, source_system, received_at, recorded_by)
SELECT md5('bench-encounter-' || g)::uuid, md5('bench-patient-' || p)::uuid, md5('bench-facility-' || (p % 3))::uuid,
       'BV' || g, cls, admit,
       admit + CASE WHEN cls = 'INPATIENT' THEN (1 + floor(random() * 9)) * interval '1 day' ELSE interval '2 hours' END,
       'home', 'bench', now(), 'bench'
  FROM (SELECT g, 1 + g % ${patients} AS p, now() - random() * interval '1825 days' AS admit, random() AS r
          FROM generate_series(1, ${encounters}) g) x
 CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.12 THEN 'INPATIENT' WHEN r < 0.22 THEN 'EMERGENCY'
                                 WHEN r < 0.25 THEN 'OBSERVATION' ELSE 'OUTPATIENT' END AS cls) c;

INSERT INTO diagnosis (id, patient_id, encounter_id, code_system, code, display, sequence, principal,
                       source_system, received_at, recorded_by)
SELECT gen_random_uuid(), e.patient_id, e.id, 'http://hl7.org/fhir/sid/icd-10-cm', d.code, d.code, n, n = 1,
       'bench', now(), 'bench'
  FROM encounter e
 CROSS JOIN generate_series(1, 2) n
 CROSS JOIN LATERAL (SELECT (ARRAY['I10', 'E11.9', 'J18.9', 'N39.0', 'I50.9', 'J44.1', 'K21.9', 'E78.5', 'F32.9',
                                   'M54.50', 'R07.9', 'R10.9', 'J06.9', 'Z00.00', 'S93.401A'])
                                   [1 + floor(random() * 15 + n * 0)::int] AS code) d
 WHERE e.source_system = 'bench';

INSERT INTO procedure_performed (id, patient_id, encounter_id, code_system, code, display, performed_at,
                                 source_system, received_at, recorded_by)
SELECT gen_random_uuid(), e.patient_id, e.id, 'http://www.cms.gov/Medicare/Coding/ICD10', p.code, p.code,
       e.admit_at + interval '1 hour', 'bench', now(), 'bench'
  FROM encounter e
 CROSS JOIN LATERAL (SELECT (ARRAY['BW03ZZZ', '0DTJ4ZZ', '02703ZZ', '5A1955Z', '0SRD0J9'])
                                 [1 + floor(random() * 5 + length(e.visit_number) * 0)::int] AS code) p
 WHERE e.source_system = 'bench' AND e.class = 'INPATIENT';

INSERT INTO diagnosis (id, patient_id, code_system, code, display, source_system, received_at, recorded_by)
SELECT gen_random_uuid(), md5('bench-patient-' || g)::uuid, 'http://snomed.info/sct', '44054006',
       'Diabetes mellitus type 2', 'bench', now(), 'bench'
  FROM generate_series(1, ${patients}) g WHERE g % 12 = 0;

INSERT INTO observation (id, patient_id, loinc_code, display, value_numeric, unit, observed_at,
                         source_system, received_at, recorded_by)
SELECT gen_random_uuid(), md5('bench-patient-' || g)::uuid, '4548-4', 'Hemoglobin A1c',
       round((5.5 + random() * 6)::numeric, 1), '%', now() - (k * 90) * interval '1 day', 'bench', now(), 'bench'
  FROM generate_series(1, ${patients}) g CROSS JOIN generate_series(1, 3) k WHERE g % 12 = 0;

INSERT INTO encounter_charge (id, patient_id, encounter_id, amount, currency, source_system, received_at, recorded_by)
SELECT gen_random_uuid(), e.patient_id, e.id,
       round((CASE WHEN e.class = 'INPATIENT' THEN 8000 + random() * 30000 ELSE 150 + random() * 1500 END)::numeric, 2),
       'USD', 'bench', now(), 'bench'
  FROM encounter e WHERE e.source_system = 'bench' AND random() < 0.97;

INSERT INTO coding_case (encounter_id, patient_id, facility_id, status, opened_at, coded_at, coded_by, updated_at)
SELECT e.id, e.patient_id, e.facility_id, 'CODED', e.discharge_at, c.at, 'bench', c.at
  FROM encounter e
 CROSS JOIN LATERAL (SELECT e.discharge_at + (1 + random() * 20) * interval '1 day' AS at) c
 WHERE e.source_system = 'bench' AND c.at < now();

ANALYZE;
