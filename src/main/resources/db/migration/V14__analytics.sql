-- Analytics keeps facts and roll-ups derived from the record, so dashboards read a few hundred rows
-- however large the record grows. Everything here can be rebuilt from the record at any time
-- ("custodian analytics rebuild"); a change to a patient's record replaces that patient's facts
-- and moves the roll-ups by the difference, so its cost does not grow with the record.

-- One row per (not cancelled) encounter with what the delivery measures count.
CREATE TABLE analytics_stay (
    encounter_id     uuid PRIMARY KEY,
    patient_id       uuid NOT NULL,
    facility_id      uuid NOT NULL,
    class            text NOT NULL,
    admit_month      date NOT NULL,
    discharge_month  date,
    -- Inpatient days: discharge date minus admission date, a same-day stay counting one day.
    length_of_stay   integer,
    -- An index stay for readmission: inpatient, discharged alive.
    index_stay       boolean NOT NULL,
    -- Another inpatient admission of the same patient, anywhere, within 30 days after this discharge.
    readmitted_30    boolean NOT NULL
);
CREATE INDEX analytics_stay_patient ON analytics_stay (patient_id);
CREATE INDEX analytics_stay_admit ON analytics_stay (facility_id, admit_month);
CREATE INDEX analytics_stay_discharge ON analytics_stay (facility_id, discharge_month);

-- Per facility, month and encounter class: admissions counted in the month of admission;
-- discharges, inpatient days, index stays and readmissions in the month of discharge.
CREATE TABLE analytics_month (
    facility_id      uuid NOT NULL,
    month            date NOT NULL,
    class            text NOT NULL,
    encounters       integer NOT NULL,
    discharges       integer NOT NULL,
    inpatient_days   bigint NOT NULL,
    index_stays      integer NOT NULL,
    readmissions     integer NOT NULL,
    PRIMARY KEY (facility_id, month, class)
);

-- Each distinct code recorded on an encounter, with the encounter's facility and admission month.
CREATE TABLE analytics_code (
    encounter_id  uuid NOT NULL,
    patient_id    uuid NOT NULL,
    facility_id   uuid NOT NULL,
    month         date NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('DIAGNOSIS', 'PROCEDURE')),
    code_system   text NOT NULL,
    code          text NOT NULL,
    display       text NOT NULL,
    PRIMARY KEY (encounter_id, kind, code_system, code)
);
CREATE INDEX analytics_code_patient ON analytics_code (patient_id);

-- How often each code was recorded on encounters of a facility in a month (by admission month).
CREATE TABLE analytics_code_month (
    facility_id  uuid NOT NULL,
    month        date NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('DIAGNOSIS', 'PROCEDURE')),
    code_system  text NOT NULL,
    code         text NOT NULL,
    display      text NOT NULL,
    encounters   integer NOT NULL,
    PRIMARY KEY (facility_id, month, kind, code_system, code)
);

-- Outcome measures per patient and facility where the patient has a record (MRN): whether the
-- patient is in the measure's population and whether the last result meets the numerator.
CREATE TABLE analytics_measure (
    measure       text NOT NULL,
    facility_id   uuid NOT NULL,
    patient_id    uuid NOT NULL,
    in_numerator  boolean NOT NULL,
    last_value    text,
    last_at       timestamptz,
    PRIMARY KEY (measure, facility_id, patient_id)
);
CREATE INDEX analytics_measure_patient ON analytics_measure (patient_id);

-- The roll-ups of a facility-month are recomputed from the record; this finds its encounters fast.
CREATE INDEX encounter_facility_admit ON encounter (facility_id, admit_at);
CREATE INDEX observation_patient_loinc ON observation (patient_id, loinc_code, observed_at DESC);
