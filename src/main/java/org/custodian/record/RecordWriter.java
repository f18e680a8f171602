package org.custodian.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes clinical facts in batches, for imports and feeds. Start a {@link Batch}, add facts in
 * dependency order (patient before its encounters, encounters before their facts), then
 * {@link Batch#flush()} inside the caller's transaction. Rows are never updated here. Each flush
 * announces the patients it touched through {@link RecordChanges}.
 */
@Component
public class RecordWriter {
    private final JdbcTemplate jdbc;
    private final IdentifierCipher cipher;
    private final RecordChanges changes;

    public RecordWriter(JdbcTemplate jdbc, IdentifierCipher cipher, RecordChanges changes) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.changes = changes;
    }

    public Batch batch() {
        return new Batch();
    }

    public final class Batch {
        private final List<Object[]> patients = new ArrayList<>();
        private final List<Object[]> identifiers = new ArrayList<>();
        private final List<Object[]> encounters = new ArrayList<>();
        private final List<Object[]> diagnoses = new ArrayList<>();
        private final List<Object[]> procedures = new ArrayList<>();
        private final List<Object[]> observations = new ArrayList<>();
        private final List<Object[]> documents = new ArrayList<>();
        private final List<Object[]> versions = new ArrayList<>();
        private final List<Object[]> charges = new ArrayList<>();
        private final List<Object[]> locations = new ArrayList<>();
        private final List<Object[]> moves = new ArrayList<>();
        private final List<Object[]> doctors = new ArrayList<>();
        private final Set<UUID> touched = new HashSet<>();

        private Batch() {
        }

        public Batch patient(Patient p, String ssn, Provenance prov) {
            touched.add(p.id());
            String cleanSsn = ssn == null || ssn.isBlank() ? null : ssn.trim();
            patients.add(new Object[] {
                p.id(), p.given(), p.family(), p.birthDate(), p.sex().name(),
                p.address().line(), p.address().city(), p.address().state(), p.address().postalCode(),
                p.phone(), cleanSsn == null ? null : cipher.encrypt(cleanSsn),
                cleanSsn == null ? null : cipher.digest(cleanSsn), ts(p.deceasedAt()),
                prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()), prov.recordedBy(),
                NameFolding.fold(p.given() + " " + p.family())});
            return this;
        }

        public Batch identifier(java.util.UUID patientId, Mrn mrn) {
            touched.add(patientId);
            identifiers.add(new Object[] {patientId, mrn.facilityId(), mrn.value()});
            return this;
        }

        public Batch encounter(Encounter e, Provenance prov) {
            touched.add(e.patientId());
            encounters.add(new Object[] {
                e.id(), e.patientId(), e.facilityId(), e.visitNumber(), e.encounterClass().name(),
                ts(e.admitAt()), ts(e.dischargeAt()), e.attendingId(), e.dischargeDisposition(), e.reason(),
                prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()), prov.recordedBy()});
            return this;
        }

        public Batch diagnosis(Diagnosis d, Provenance prov) {
            touched.add(d.patientId());
            diagnoses.add(new Object[] {
                d.id(), d.patientId(), d.encounterId(), d.code().system(), d.code().code(), d.code().display(),
                d.poa() == null ? null : d.poa().name(), d.sequence(), d.principal(),
                ts(d.onsetAt()), ts(d.resolvedAt()),
                prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()), prov.recordedBy()});
            return this;
        }

        public Batch procedure(Procedure p, Provenance prov) {
            touched.add(p.patientId());
            procedures.add(new Object[] {
                p.id(), p.patientId(), p.encounterId(), p.code().system(), p.code().code(), p.code().display(),
                ts(p.performedAt()), prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()), prov.recordedBy()});
            return this;
        }

        public Batch observation(Observation o, Provenance prov) {
            touched.add(o.patientId());
            observations.add(new Object[] {
                o.id(), o.patientId(), o.encounterId(), o.loincCode(), o.display(), o.valueNumeric(),
                o.valueText(), o.unit(), o.referenceLow(), o.referenceHigh(),
                o.abnormalFlag() == null ? null : o.abnormalFlag().name(), ts(o.observedAt()), o.status().name(),
                prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()), prov.recordedBy()});
            return this;
        }

        /**
         * Where the patient of an encounter added in this batch is: its first location, recorded as
         * {@link EncounterRepository#transfer} records a move from nowhere (an encounter event that keeps it).
         */
        public Batch firstLocation(Encounter e, String location, Instant at, Provenance prov) {
            touched.add(e.patientId());
            locations.add(new Object[] {location, e.id()});
            moves.add(new Object[] {
                e.id(), e.patientId(), ts(at), location, prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()),
                prov.recordedBy()});
            return this;
        }

        /** The admitting and referring doctors of an encounter added in this batch (either may be null). */
        public Batch doctors(Encounter e, java.util.UUID admittingId, java.util.UUID referringId) {
            if (admittingId != null || referringId != null) {
                touched.add(e.patientId());
                doctors.add(new Object[] {admittingId, referringId, e.id()});
            }
            return this;
        }

        /** Gross charges of one claim on an encounter added before (in this batch or earlier). */
        public Batch charge(EncounterCharge c, Provenance prov) {
            touched.add(c.patientId());
            charges.add(new Object[] {
                c.id(), c.patientId(), c.encounterId(), c.amount(), c.currency(),
                prov.sourceSystem(), prov.sourceRef(), ts(prov.receivedAt()), prov.recordedBy()});
            return this;
        }

        public Batch document(ClinicalDocument d) {
            touched.add(d.patientId());
            documents.add(new Object[] {
                d.id(), d.patientId(), d.encounterId(), d.type().name(), d.addendumTo(), ts(d.createdAt())});
            for (DocumentVersion v : d.versions()) {
                versions.add(DocumentRows.version(d.id(), d.patientId(), v));
            }
            return this;
        }

        public int size() {
            return patients.size() + identifiers.size() + encounters.size() + diagnoses.size()
                    + procedures.size() + observations.size() + documents.size() + charges.size()
                    + locations.size() + doctors.size();
        }

        /** Writes everything added so far, in foreign-key order, and empties the batch. */
        public void flush() {
            run("""
                    INSERT INTO patient (id, given, family, birth_date, sex, address_line, city, state, postal_code,
                        phone, ssn_encrypted, ssn_digest, deceased_at, source_system, source_ref, received_at,
                        recorded_by, search_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", patients);
            run("INSERT INTO patient_identifier (patient_id, facility_id, value) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                    identifiers);
            run("""
                    INSERT INTO encounter (id, patient_id, facility_id, visit_number, class, admit_at, discharge_at,
                        attending_id, discharge_disposition, reason, source_system, source_ref, received_at, recorded_by)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", encounters);
            run("UPDATE encounter SET location = ? WHERE id = ?", locations);
            run("""
                    INSERT INTO encounter_event (encounter_id, patient_id, event, occurred_at, location, source_system,
                        source_ref, received_at, recorded_by) VALUES (?,?,'TRANSFERRED',?,?,?,?,?,?)""", moves);
            run("""
                    UPDATE encounter SET admitting_id = coalesce(?, admitting_id), referring_id = coalesce(?, referring_id)
                     WHERE id = ?""", doctors);
            run("""
                    INSERT INTO encounter_charge (id, patient_id, encounter_id, amount, currency, source_system,
                        source_ref, received_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?)""", charges);
            run("""
                    INSERT INTO diagnosis (id, patient_id, encounter_id, code_system, code, display, poa, sequence,
                        principal, onset_at, resolved_at, source_system, source_ref, received_at, recorded_by)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", diagnoses);
            run("""
                    INSERT INTO procedure_performed (id, patient_id, encounter_id, code_system, code, display,
                        performed_at, source_system, source_ref, received_at, recorded_by)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?)""", procedures);
            run("""
                    INSERT INTO observation (id, patient_id, encounter_id, loinc_code, display, value_numeric,
                        value_text, unit, reference_low, reference_high, abnormal_flag, observed_at, status,
                        source_system, source_ref, received_at, recorded_by)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", observations);
            run("INSERT INTO document (id, patient_id, encounter_id, type, addendum_to, created_at) VALUES (?,?,?,?,?,?)",
                    documents);
            run(DocumentRows.INSERT_VERSION, versions);
            if (!touched.isEmpty()) {
                changes.changed(touched);
                touched.clear();
            }
        }

        private void run(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
