package org.custodian.record;

import java.util.UUID;
import org.custodian.record.RecordVersions.Fact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Corrects an encounter, diagnosis, procedure or result sent again by its source (e.g. a FHIR
 * update): the row it replaces is first kept whole in {@code fact_version}, so the record never
 * silently loses what it said. Each correction announces the patient through {@link RecordChanges}. Runs in the caller's
 * transaction; the patient of a fact never changes.
 */
@Repository
public class FactCorrections {
    private final JdbcClient jdbc;
    private final RecordChanges changes;

    public FactCorrections(JdbcClient jdbc, RecordChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void replace(Encounter e, Provenance prov) {
        keep(Fact.ENCOUNTER, e.id(), e.patientId());
        jdbc.sql("""
                UPDATE encounter SET facility_id = :facility, visit_number = :visit, class = :class, admit_at = :admit,
                    discharge_at = :discharge, attending_id = :attending, discharge_disposition = :disposition,
                    reason = :reason, source_system = :ss, source_ref = :sr, received_at = :ra, recorded_by = :rb
                 WHERE id = :id""")
                .param("facility", e.facilityId()).param("visit", e.visitNumber()).param("class", e.encounterClass().name())
                .param("admit", RecordWriter.ts(e.admitAt())).param("discharge", RecordWriter.ts(e.dischargeAt()))
                .param("attending", e.attendingId()).param("disposition", e.dischargeDisposition())
                .param("reason", e.reason()).params(provenance(prov)).param("id", e.id()).update();
        changes.changed(e.patientId());
    }

    public void replace(Diagnosis d, Provenance prov) {
        keep(Fact.DIAGNOSIS, d.id(), d.patientId());
        jdbc.sql("""
                UPDATE diagnosis SET encounter_id = :encounter, code_system = :system, code = :code, display = :display,
                    onset_at = :onset, resolved_at = :resolved, source_system = :ss, source_ref = :sr,
                    received_at = :ra, recorded_by = :rb
                 WHERE id = :id""")
                .param("encounter", d.encounterId()).param("system", d.code().system()).param("code", d.code().code())
                .param("display", d.code().display()).param("onset", RecordWriter.ts(d.onsetAt()))
                .param("resolved", RecordWriter.ts(d.resolvedAt())).params(provenance(prov)).param("id", d.id())
                .update();
        changes.changed(d.patientId());
    }

    public void replace(Procedure p, Provenance prov) {
        keep(Fact.PROCEDURE, p.id(), p.patientId());
        jdbc.sql("""
                UPDATE procedure_performed SET encounter_id = :encounter, code_system = :system, code = :code,
                    display = :display, performed_at = :performed, source_system = :ss, source_ref = :sr,
                    received_at = :ra, recorded_by = :rb
                 WHERE id = :id""")
                .param("encounter", p.encounterId()).param("system", p.code().system()).param("code", p.code().code())
                .param("display", p.code().display()).param("performed", RecordWriter.ts(p.performedAt()))
                .params(provenance(prov)).param("id", p.id()).update();
        changes.changed(p.patientId());
    }

    public void replace(Observation o, Provenance prov) {
        keep(Fact.OBSERVATION, o.id(), o.patientId());
        jdbc.sql("""
                UPDATE observation SET encounter_id = :encounter, loinc_code = :loinc, display = :display,
                    value_numeric = :numeric, value_text = :text, unit = :unit, reference_low = :low,
                    reference_high = :high, abnormal_flag = :flag, observed_at = :observed, status = :status,
                    source_system = :ss, source_ref = :sr, received_at = :ra, recorded_by = :rb
                 WHERE id = :id""")
                .param("encounter", o.encounterId()).param("loinc", o.loincCode()).param("display", o.display())
                .param("numeric", o.valueNumeric()).param("text", o.valueText()).param("unit", o.unit())
                .param("low", o.referenceLow()).param("high", o.referenceHigh())
                .param("flag", o.abnormalFlag() == null ? null : o.abnormalFlag().name())
                .param("observed", RecordWriter.ts(o.observedAt())).param("status", o.status().name())
                .params(provenance(prov)).param("id", o.id())
                .update();
        changes.changed(o.patientId());
    }

    /** Copies the current row to fact_version; the row must exist and belong to the patient. */
    private void keep(Fact fact, UUID id, UUID patientId) {
        int kept = jdbc.sql("INSERT INTO fact_version (fact_table, fact_id, patient_id, row_data) SELECT :table, f.id,"
                        + " f.patient_id, to_jsonb(f) FROM " + fact.table + " f WHERE f.id = :id AND f.patient_id = :patient")
                .param("table", fact.table).param("id", id).param("patient", patientId).update();
        if (kept != 1) {
            throw new IllegalArgumentException("no " + fact.table + " " + id + " of patient " + patientId);
        }
    }

    private static java.util.Map<String, Object> provenance(Provenance prov) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("ss", prov.sourceSystem());
        params.put("sr", prov.sourceRef());
        params.put("ra", RecordWriter.ts(prov.receivedAt()));
        params.put("rb", prov.recordedBy());
        return params;
    }
}
