package org.custodian.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL over the record for exports: the cohort's patient ids, then each kind of fact for
 * those patients in one streaming query per table (never a query per patient).
 */
@Repository
class CohortRows {
    private final JdbcClient jdbc;

    CohortRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> patientIds(Cohort cohort) {
        return switch (cohort) {
            case Cohort.All all -> jdbc.sql("SELECT id FROM patient ORDER BY id").query(UUID.class).list();
            case Cohort.AtFacility at -> jdbc.sql("""
                    SELECT DISTINCT i.patient_id FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
                     WHERE f.code = :code ORDER BY i.patient_id""").param("code", at.facilityCode())
                    .query(UUID.class).list();
            case Cohort.WithCondition with -> jdbc.sql("""
                    SELECT DISTINCT patient_id FROM diagnosis
                     WHERE NOT entered_in_error AND replace(upper(code), '.', '') LIKE :prefix ORDER BY patient_id""")
                    .param("prefix", with.codePrefix().replace("%", "").replace("_", "") + "%")
                    .query(UUID.class).list();
        };
    }

    boolean facilityExists(String code) {
        return jdbc.sql("SELECT count(*) FROM facility WHERE code = :c").param("c", code).query(Long.class).single() > 0;
    }

    void patients(List<UUID> ids, RowCallbackHandler each) {
        stream("""
                SELECT p.*, (SELECT string_agg(i.value, '|') FROM patient_identifier i WHERE i.patient_id = p.id) AS mrns
                  FROM patient p WHERE p.id = ANY(:ids) ORDER BY p.id""", ids, each);
    }

    void encounters(List<UUID> ids, RowCallbackHandler each) {
        stream("""
                SELECT e.*, f.type AS facility_type FROM encounter e JOIN facility f ON f.id = e.facility_id
                 WHERE e.patient_id = ANY(:ids) AND NOT e.entered_in_error ORDER BY e.patient_id, e.admit_at""", ids, each);
    }

    void diagnoses(List<UUID> ids, RowCallbackHandler each) {
        stream("SELECT * FROM diagnosis WHERE patient_id = ANY(:ids) AND NOT entered_in_error ORDER BY patient_id, onset_at NULLS LAST", ids, each);
    }

    void procedures(List<UUID> ids, RowCallbackHandler each) {
        stream("SELECT * FROM procedure_performed WHERE patient_id = ANY(:ids) AND NOT entered_in_error ORDER BY patient_id, performed_at NULLS LAST",
                ids, each);
    }

    void observations(List<UUID> ids, RowCallbackHandler each) {
        stream("SELECT * FROM observation WHERE patient_id = ANY(:ids) AND NOT entered_in_error ORDER BY patient_id, observed_at", ids, each);
    }

    void notes(List<UUID> ids, RowCallbackHandler each) {
        stream("""
                SELECT d.patient_id, d.encounter_id, d.type, d.created_at, v.title, v.status, v.body
                  FROM document d
                  JOIN LATERAL (SELECT * FROM document_version dv WHERE dv.document_id = d.id
                                ORDER BY dv.version DESC LIMIT 1) v ON true
                 WHERE d.patient_id = ANY(:ids) AND v.status <> 'ENTERED_IN_ERROR'
                 ORDER BY d.patient_id, d.created_at""", ids, each);
    }

    private void stream(String sql, List<UUID> ids, RowCallbackHandler each) {
        jdbc.sql(sql).param("ids", ids.toArray(UUID[]::new)).query(each);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
