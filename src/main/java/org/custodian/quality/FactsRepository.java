package org.custodian.quality;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.PatientFacts.DiagnosisRow;
import org.custodian.quality.rules.PatientFacts.DocumentRow;
import org.custodian.quality.rules.PatientFacts.EncounterRow;
import org.custodian.quality.rules.PatientFacts.MrnRow;
import org.custodian.quality.rules.PatientFacts.ObservationRow;
import org.custodian.quality.rules.PatientFacts.PatientRow;
import org.custodian.quality.rules.PatientFacts.ProcedureRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Reads patients' records in bulk, as stored, for the rules: one query per table for a whole
 * chunk of patients. Read-only; the record module's writers remain the only writers.
 */
@Repository
class FactsRepository {
    private final JdbcTemplate jdbc;

    FactsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> allPatientIds() {
        return jdbc.queryForList("SELECT id FROM patient ORDER BY id", UUID.class);
    }

    /** The records of these patients (those that exist), by patient id. */
    Map<UUID, PatientFacts> load(Collection<UUID> patientIds) {
        Map<UUID, Builder> builders = new LinkedHashMap<>();
        query("SELECT * FROM patient WHERE id = ANY(?)", patientIds, rs -> {
            UUID id = uuid(rs, "id");
            builders.put(id, new Builder(new PatientRow(id, rs.getString("given"), rs.getString("family"),
                    rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("sex"), rs.getString("address_line"),
                    rs.getString("city"), rs.getString("state"), rs.getString("postal_code"), rs.getString("phone"),
                    instant(rs, "deceased_at"))));
        });
        if (builders.isEmpty()) {
            return Map.of();
        }
        Function<ResultSet, Builder> of = rs -> {
            try {
                return builders.get(uuid(rs, "patient_id"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        Map<String, List<UUID>> sharers = duplicateMrnHolders(patientIds);
        query("""
                SELECT i.patient_id, i.facility_id, f.code, i.value FROM patient_identifier i
                  JOIN facility f ON f.id = i.facility_id WHERE i.patient_id = ANY(?)""", patientIds, rs ->
                of.apply(rs).mrns.add(new MrnRow(uuid(rs, "facility_id"), rs.getString("code"), rs.getString("value"),
                        sharers.getOrDefault(uuid(rs, "patient_id") + "|" + uuid(rs, "facility_id") + "|"
                                + rs.getString("value"), List.of()))));
        query("SELECT * FROM encounter WHERE patient_id = ANY(?) AND NOT entered_in_error ORDER BY admit_at", patientIds, rs ->
                of.apply(rs).encounters.add(new EncounterRow(uuid(rs, "id"), uuid(rs, "patient_id"), uuid(rs, "facility_id"),
                        rs.getString("visit_number"), rs.getString("class"), instant(rs, "admit_at"),
                        instant(rs, "discharge_at"), uuid(rs, "attending_id"))));
        query("""
                SELECT d.*, e.patient_id AS encounter_owner FROM diagnosis d LEFT JOIN encounter e ON e.id = d.encounter_id
                 WHERE d.patient_id = ANY(?) AND NOT d.entered_in_error""", patientIds, rs ->
                of.apply(rs).diagnoses.add(new DiagnosisRow(uuid(rs, "id"), uuid(rs, "encounter_id"), uuid(rs, "encounter_owner"),
                        rs.getString("code_system"), rs.getString("code"), rs.getString("display"), instant(rs, "onset_at"))));
        query("""
                SELECT p.*, e.patient_id AS encounter_owner FROM procedure_performed p
                  LEFT JOIN encounter e ON e.id = p.encounter_id WHERE p.patient_id = ANY(?) AND NOT p.entered_in_error""", patientIds, rs ->
                of.apply(rs).procedures.add(new ProcedureRow(uuid(rs, "id"), uuid(rs, "encounter_id"), uuid(rs, "encounter_owner"),
                        rs.getString("code_system"), rs.getString("code"), rs.getString("display"), instant(rs, "performed_at"))));
        query("""
                SELECT o.id, o.patient_id, o.encounter_id, o.loinc_code, o.display, o.value_numeric, o.unit, o.observed_at,
                       e.patient_id AS encounter_owner
                  FROM observation o LEFT JOIN encounter e ON e.id = o.encounter_id WHERE o.patient_id = ANY(?) AND NOT o.entered_in_error""",
                patientIds, rs -> of.apply(rs).observations.add(new ObservationRow(uuid(rs, "id"), uuid(rs, "encounter_id"),
                        uuid(rs, "encounter_owner"), rs.getString("loinc_code"), rs.getString("display"),
                        rs.getBigDecimal("value_numeric"), rs.getString("unit"), instant(rs, "observed_at"))));
        query("""
                SELECT d.id, d.patient_id, d.encounter_id, d.type, d.addendum_to, d.created_at, e.patient_id AS encounter_owner,
                       a.patient_id AS addendum_to_patient, v.version, v.status, v.title, v.body, v.author_id,
                       v.signed_at, v.signed_by
                  FROM document d
                  JOIN LATERAL (SELECT * FROM document_version dv WHERE dv.document_id = d.id
                                 ORDER BY dv.version DESC LIMIT 1) v ON true
                  LEFT JOIN encounter e ON e.id = d.encounter_id
                  LEFT JOIN document a ON a.id = d.addendum_to
                 WHERE d.patient_id = ANY(?)
                 ORDER BY d.created_at""", patientIds, rs ->
                of.apply(rs).documents.add(new DocumentRow(uuid(rs, "id"), uuid(rs, "encounter_id"), uuid(rs, "encounter_owner"),
                        rs.getString("type"), uuid(rs, "addendum_to"), uuid(rs, "addendum_to_patient"),
                        instant(rs, "created_at"), rs.getInt("version"), rs.getString("status"), rs.getString("title"),
                        rs.getString("body"), uuid(rs, "author_id"), instant(rs, "signed_at"), uuid(rs, "signed_by"))));
        Map<UUID, PatientFacts> facts = new LinkedHashMap<>();
        builders.forEach((id, b) -> facts.put(id, b.build()));
        return facts;
    }

    /** Other patients holding the same MRN (ignoring case and spaces) at the same facility, keyed patient|facility|value. */
    private Map<String, List<UUID>> duplicateMrnHolders(Collection<UUID> patientIds) {
        Map<String, List<UUID>> found = new HashMap<>();
        query("""
                SELECT i.patient_id, i.facility_id, i.value, o.patient_id AS other
                  FROM patient_identifier i
                  JOIN patient_identifier o ON o.facility_id = i.facility_id AND upper(o.value) = upper(i.value)
                                           AND o.patient_id <> i.patient_id
                 WHERE i.patient_id = ANY(?)""", patientIds, rs ->
                found.computeIfAbsent(uuid(rs, "patient_id") + "|" + uuid(rs, "facility_id") + "|" + rs.getString("value"),
                        k -> new ArrayList<>()).add(uuid(rs, "other")));
        return found;
    }

    private void query(String sql, Collection<UUID> ids, RowCallbackHandler handler) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            Array array = con.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, array);
            return ps;
        }, handler);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static final class Builder {
        final PatientRow patient;
        final List<MrnRow> mrns = new ArrayList<>();
        final List<EncounterRow> encounters = new ArrayList<>();
        final List<DiagnosisRow> diagnoses = new ArrayList<>();
        final List<ProcedureRow> procedures = new ArrayList<>();
        final List<ObservationRow> observations = new ArrayList<>();
        final List<DocumentRow> documents = new ArrayList<>();

        Builder(PatientRow patient) {
            this.patient = patient;
        }

        PatientFacts build() {
            return new PatientFacts(patient, mrns, encounters, diagnoses, procedures, observations, documents);
        }
    }
}
