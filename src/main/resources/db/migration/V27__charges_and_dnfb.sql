-- Gross charges per encounter (record): one row per claim that bills the encounter, with its
-- provenance; an encounter's gross charges are the sum of its rows. Custodian keeps no payments or
-- adjustments: gross charges are what HIM's DNFB figures need.
CREATE TABLE encounter_charge (
    id             uuid PRIMARY KEY,
    patient_id     uuid NOT NULL REFERENCES patient (id),
    encounter_id   uuid NOT NULL REFERENCES encounter (id),
    amount         numeric(14, 2) NOT NULL CHECK (amount >= 0),
    currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    source_system  text NOT NULL,
    source_ref     text,
    received_at    timestamptz NOT NULL,
    recorded_by    text NOT NULL
);
CREATE INDEX encounter_charge_encounter ON encounter_charge (encounter_id);
CREATE INDEX encounter_charge_patient ON encounter_charge (patient_id);

-- Analytics: each encounter's gross charges (NULL: none recorded) and when its coding became final,
-- so that DNFB (discharged, not final billed) can be told for the end of any month.
ALTER TABLE analytics_stay ADD COLUMN gross_charges numeric(16, 2);
ALTER TABLE analytics_stay ADD COLUMN final_coded_month date;

-- Discharged encounters per facility, month of discharge and month their coding became final
-- ('infinity' while not final). An encounter is in DNFB at the end of month M when it was
-- discharged in or before M and became final after M; the roll-up answers that for any month by
-- summing a few rows, however many encounters there are.
CREATE TABLE analytics_billing_month (
    facility_id          uuid NOT NULL,
    discharge_month      date NOT NULL,
    final_month          date NOT NULL,
    encounters           integer NOT NULL,
    without_charges      integer NOT NULL,
    gross_charges        numeric(18, 2) NOT NULL,
    PRIMARY KEY (facility_id, discharge_month, final_month)
);
