package org.custodian.record;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replaces a patient's demographics (e.g. from an ADT update), first copying the current ones to
 * {@code patient_version} with their provenance, so the record never silently loses what it said.
 */
@Repository
public class PatientUpdates {
    private final JdbcClient jdbc;
    private final RecordChanges changes;

    public PatientUpdates(JdbcClient jdbc, RecordChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** Returns false when nothing changed (no version is added then). */
    public boolean replaceDemographics(Patient updated, Provenance provenance) {
        Patient current = jdbc.sql("SELECT * FROM patient WHERE id = :id FOR UPDATE").param("id", updated.id())
                .query(PatientRepository::map).optional()
                .orElseThrow(() -> new IllegalArgumentException("no patient " + updated.id()));
        Patient merged = new Patient(updated.id(), updated.given(), updated.family(), updated.birthDate(), updated.sex(),
                updated.address() == Patient.Address.NONE ? current.address() : updated.address(),
                updated.phone() == null ? current.phone() : updated.phone(),
                updated.deceasedAt() == null ? current.deceasedAt() : updated.deceasedAt());
        if (merged.equals(current)) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO patient_version (patient_id, given, family, birth_date, sex, address_line, city, state,
                    postal_code, phone, source_system, source_ref, received_at, recorded_by)
                SELECT id, given, family, birth_date, sex, address_line, city, state, postal_code, phone,
                       source_system, source_ref, received_at, recorded_by FROM patient WHERE id = :id""")
                .param("id", updated.id()).update();
        Patient.Address a = merged.address();
        jdbc.sql("""
                UPDATE patient SET given = :given, family = :family, birth_date = :birth, sex = :sex,
                    address_line = :line, city = :city, state = :state, postal_code = :zip, phone = :phone,
                    deceased_at = :deceased, source_system = :ss, source_ref = :sr, received_at = :ra,
                    recorded_by = :rb, search_name = :search WHERE id = :id""")
                .param("given", merged.given()).param("family", merged.family()).param("birth", merged.birthDate())
                .param("sex", merged.sex().name()).param("line", a.line()).param("city", a.city())
                .param("state", a.state()).param("zip", a.postalCode()).param("phone", merged.phone())
                .param("deceased", RecordWriter.ts(merged.deceasedAt()))
                .param("ss", provenance.sourceSystem()).param("sr", provenance.sourceRef())
                .param("ra", RecordWriter.ts(provenance.receivedAt())).param("rb", provenance.recordedBy())
                .param("search", NameFolding.fold(merged.given() + " " + merged.family()))
                .param("id", merged.id()).update();
        changes.changed(merged.id());
        return true;
    }
}
