package org.custodian.record;

import static org.custodian.record.DocumentRepository.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the record by id and by patient, as standard APIs (FHIR) ask for them: whole rows with
 * their ids, filtered by date, code and encounter. Access decisions are the caller's (privacy).
 */
@Repository
public class ClinicalQueries {
    /** The kinds of clinical row, each with the table that holds it. */
    public enum Kind {
        ENCOUNTER("encounter"), DIAGNOSIS("diagnosis"), PROCEDURE("procedure_performed"),
        OBSERVATION("observation"), DOCUMENT("document");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** Optional filters of a per-patient search; null parts do not filter. Dates bound the fact's main time. */
    public record Filter(Instant from, Instant to, String code, UUID encounterId) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /**
     * A patient search as APIs ask it: every given part must match. Names match by word prefix on
     * the folded name; {@code mrnFacility} may be null to match an MRN at any facility in scope.
     */
    public record PatientCriteria(String name, String family, String given, LocalDate bornFrom, LocalDate bornTo,
                                  Sex sex, UUID mrnFacility, String mrn) {
    }

    public record Identifier(String facilityCode, String value) {
    }

    private final JdbcClient jdbc;

    public ClinicalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose row this is; empty when there is no such row. */
    public Optional<UUID> patientOf(Kind kind, UUID id) {
        return jdbc.sql("SELECT patient_id FROM " + kind.table + " WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    public List<Identifier> identifiers(UUID patientId) {
        return jdbc.sql("""
                SELECT f.code, i.value FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
                 WHERE i.patient_id = :id ORDER BY f.code""").param("id", patientId)
                .query((rs, i) -> new Identifier(rs.getString(1), rs.getString(2))).list();
    }

    /** The identifiers of many patients in one query, by patient (a search page's worth). */
    public java.util.Map<UUID, List<Identifier>> identifiers(Collection<UUID> patientIds) {
        java.util.Map<UUID, List<Identifier>> byPatient = new java.util.HashMap<>();
        if (patientIds.isEmpty()) {
            return byPatient;
        }
        jdbc.sql("""
                SELECT i.patient_id, f.code, i.value FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
                 WHERE i.patient_id = ANY(:ids) ORDER BY f.code""").param("ids", patientIds.toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    byPatient.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new Identifier(rs.getString(2), rs.getString(3)));
                });
        return byPatient;
    }

    public List<Patient> searchPatients(PatientCriteria c, Collection<UUID> scope, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT p.* FROM patient p WHERE EXISTS (SELECT 1 FROM patient_identifier s"
                + " WHERE s.patient_id = p.id AND s.facility_id = ANY(:scope))");
        var params = new java.util.HashMap<String, Object>();
        params.put("scope", scope.toArray(UUID[]::new));
        namePart(sql, params, "name", "p.search_name", c.name());
        namePart(sql, params, "family", "lower(p.family)", c.family());
        namePart(sql, params, "given", "lower(p.given)", c.given());
        if (c.bornFrom() != null) {
            sql.append(" AND p.birth_date >= :bornFrom");
            params.put("bornFrom", c.bornFrom());
        }
        if (c.bornTo() != null) {
            sql.append(" AND p.birth_date <= :bornTo");
            params.put("bornTo", c.bornTo());
        }
        if (c.sex() != null) {
            sql.append(" AND p.sex = :sex");
            params.put("sex", c.sex().name());
        }
        if (c.mrn() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM patient_identifier m WHERE m.patient_id = p.id AND m.value = :mrn"
                    + " AND m.facility_id = ANY(:scope)").append(c.mrnFacility() == null ? "" : " AND m.facility_id = :mf")
                    .append(')');
            params.put("mrn", c.mrn().trim());
            if (c.mrnFacility() != null) {
                params.put("mf", c.mrnFacility());
            }
        }
        sql.append(" ORDER BY p.family, p.given, p.id LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(PatientRepository::map).list();
    }

    /** Matches when any word of the column starts with the folded text (FHIR string search). */
    private static void namePart(StringBuilder sql, java.util.Map<String, Object> params, String key, String column,
                                 String text) {
        String folded = NameFolding.fold(text);
        if (folded.isEmpty()) {
            return;
        }
        String like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        sql.append(" AND (").append(column).append(" LIKE :").append(key).append(" OR ").append(column)
                .append(" LIKE :").append(key).append("Word)");
        params.put(key, like + "%");
        params.put(key + "Word", "% " + like + "%");
    }

    public Optional<Encounter> encounter(UUID id) {
        return jdbc.sql("SELECT * FROM encounter WHERE id = :id").param("id", id).query(ClinicalQueries::encounter).optional();
    }

    public List<Encounter> encounters(UUID patientId, Filter filter) {
        return query("SELECT * FROM encounter WHERE patient_id = :p AND NOT entered_in_error", "admit_at", null, "id", filter, patientId,
                " ORDER BY admit_at DESC", ClinicalQueries::encounter);
    }

    public Optional<Diagnosis> diagnosis(UUID id) {
        return jdbc.sql("SELECT * FROM diagnosis WHERE id = :id").param("id", id).query(ClinicalQueries::diagnosis).optional();
    }

    public List<Diagnosis> diagnoses(UUID patientId, Filter filter) {
        return query("SELECT * FROM diagnosis WHERE patient_id = :p AND NOT entered_in_error", "onset_at", "code", "encounter_id", filter,
                patientId, " ORDER BY onset_at DESC NULLS LAST", ClinicalQueries::diagnosis);
    }

    public Optional<Procedure> procedure(UUID id) {
        return jdbc.sql("SELECT * FROM procedure_performed WHERE id = :id").param("id", id)
                .query(ClinicalQueries::procedure).optional();
    }

    public List<Procedure> procedures(UUID patientId, Filter filter) {
        return query("SELECT * FROM procedure_performed WHERE patient_id = :p AND NOT entered_in_error", "performed_at", "code", "encounter_id",
                filter, patientId, " ORDER BY performed_at DESC NULLS LAST", ClinicalQueries::procedure);
    }

    public Optional<Observation> observation(UUID id) {
        return jdbc.sql("SELECT * FROM observation WHERE id = :id").param("id", id)
                .query(ClinicalQueries::observation).optional();
    }

    public List<Observation> observations(UUID patientId, Filter filter) {
        return query("SELECT * FROM observation WHERE patient_id = :p AND NOT entered_in_error", "observed_at", "loinc_code", "encounter_id",
                filter, patientId, " ORDER BY observed_at DESC", ClinicalQueries::observation);
    }

    public List<Practitioner> practitioners(String npi, int limit) {
        return jdbc.sql("SELECT * FROM practitioner WHERE (CAST(:npi AS text) IS NULL OR npi = :npi)"
                        + " ORDER BY family, given LIMIT " + limit)
                .param("npi", npi)
                .query((rs, i) -> new Practitioner(rs.getObject("id", UUID.class), rs.getString("npi"),
                        rs.getString("given"), rs.getString("family"))).list();
    }

    private <T> List<T> query(String select, String dateColumn, String codeColumn, String encounterColumn,
                              Filter filter, UUID patientId, String order,
                              org.springframework.jdbc.core.RowMapper<T> mapper) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> args = new ArrayList<>();
        args.add(patientId);
        sql.replace(sql.indexOf(":p"), sql.indexOf(":p") + 2, "?");
        if (filter.from() != null) {
            sql.append(" AND ").append(dateColumn).append(" >= ?");
            args.add(java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(dateColumn).append(" <= ?");
            args.add(java.sql.Timestamp.from(filter.to()));
        }
        if (filter.code() != null && codeColumn != null) {
            sql.append(" AND ").append(codeColumn).append(" = ?");
            args.add(filter.code());
        }
        if (filter.encounterId() != null) {
            sql.append(" AND ").append(encounterColumn).append(" = ?");
            args.add(filter.encounterId());
        }
        return jdbc.sql(sql + order).params(args).query(mapper).list();
    }

    static Encounter encounter(ResultSet rs, int row) throws SQLException {
        return new Encounter(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("facility_id", UUID.class), rs.getString("visit_number"),
                EncounterClass.valueOf(rs.getString("class")), instant(rs, "admit_at"), instant(rs, "discharge_at"),
                rs.getObject("attending_id", UUID.class), rs.getString("discharge_disposition"), rs.getString("reason"));
    }

    static Diagnosis diagnosis(ResultSet rs, int row) throws SQLException {
        String poa = rs.getString("poa");
        return new Diagnosis(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("encounter_id", UUID.class),
                new CodedValue(rs.getString("code_system"), rs.getString("code"), rs.getString("display")),
                poa == null ? null : Diagnosis.PresentOnAdmission.valueOf(poa),
                (Integer) rs.getObject("sequence"), rs.getBoolean("principal"), instant(rs, "onset_at"),
                instant(rs, "resolved_at"));
    }

    static Procedure procedure(ResultSet rs, int row) throws SQLException {
        return new Procedure(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("encounter_id", UUID.class),
                new CodedValue(rs.getString("code_system"), rs.getString("code"), rs.getString("display")),
                instant(rs, "performed_at"));
    }

    static Observation observation(ResultSet rs, int row) throws SQLException {
        String flag = rs.getString("abnormal_flag");
        String status = rs.getString("status");
        return new Observation(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("encounter_id", UUID.class), rs.getString("loinc_code"), rs.getString("display"),
                rs.getObject("value_numeric", BigDecimal.class), rs.getString("value_text"), rs.getString("unit"),
                rs.getObject("reference_low", BigDecimal.class), rs.getObject("reference_high", BigDecimal.class),
                flag == null ? null : Observation.AbnormalFlag.valueOf(flag), instant(rs, "observed_at"),
                status == null ? null : Observation.Status.valueOf(status)); // versions kept before V24 have none
    }
}
