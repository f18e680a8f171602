package org.custodian.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of a patient's demographics and of corrected clinical facts, as the record keeps
 * them: version n is the n-th state the row was in, counted from 1, and it was last updated when
 * that state was received (its provenance). The replaced states are {@code patient_version} and
 * {@code fact_version} rows; the current state is the row itself.
 */
@Repository
public class RecordVersions {
    /** The clinical facts whose corrections are versioned, each with its table. */
    public enum Fact {
        ENCOUNTER("encounter", ClinicalQueries::encounter),
        DIAGNOSIS("diagnosis", ClinicalQueries::diagnosis),
        PROCEDURE("procedure_performed", ClinicalQueries::procedure),
        OBSERVATION("observation", ClinicalQueries::observation);

        final String table;
        final RowMapper<?> mapper;

        Fact(String table, RowMapper<?> mapper) {
            this.table = table;
            this.mapper = mapper;
        }
    }

    /** Which version a row is in and when that version was received. */
    public record Stamp(int version, Instant lastUpdated) {
    }

    /** One state of a row, with its stamp and where that state came from. */
    public record Versioned<T>(T value, Stamp stamp, Provenance provenance) {
    }

    private final JdbcClient jdbc;

    public RecordVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current stamps of the patients named; unknown ids are left out. */
    public Map<UUID, Stamp> patientStamps(Collection<UUID> ids) {
        return stamps("""
                SELECT p.id, p.received_at, 1 + (SELECT count(*) FROM patient_version v WHERE v.patient_id = p.id)
                  FROM patient p WHERE p.id = ANY(:ids)""", ids);
    }

    /** The current stamps of the facts named; unknown ids are left out. */
    public Map<UUID, Stamp> factStamps(Fact fact, Collection<UUID> ids) {
        return stamps("SELECT f.id, f.received_at, 1 + (SELECT count(*) FROM fact_version v WHERE v.fact_id = f.id)"
                + " FROM " + fact.table + " f WHERE f.id = ANY(:ids)", ids);
    }

    /** Every state of the patient's demographics, oldest first; empty for an unknown patient. */
    public List<Versioned<Patient>> patientHistory(UUID patientId) {
        List<Versioned<Patient>> history = new ArrayList<>();
        jdbc.sql("""
                SELECT v.patient_id AS id, v.given, v.family, v.birth_date, v.sex, v.address_line, v.city, v.state,
                       v.postal_code, v.phone, p.deceased_at, v.source_system, v.source_ref, v.received_at, v.recorded_by
                  FROM patient_version v JOIN patient p ON p.id = v.patient_id
                 WHERE v.patient_id = :id ORDER BY v.id""").param("id", patientId)
                .query((rs, i) -> new Versioned<>(PatientRepository.map(rs, i), new Stamp(i + 1, received(rs)),
                        provenance(rs)))
                .list().forEach(history::add);
        jdbc.sql("SELECT * FROM patient WHERE id = :id").param("id", patientId)
                .query((rs, i) -> new Versioned<>(PatientRepository.map(rs, i),
                        new Stamp(history.size() + 1, received(rs)), provenance(rs)))
                .optional().ifPresent(history::add);
        return history;
    }

    /** Every state of the fact, oldest first; empty for an unknown fact. */
    @SuppressWarnings("unchecked")
    public <T> List<Versioned<T>> factHistory(Fact fact, UUID id) {
        RowMapper<T> mapper = (RowMapper<T>) fact.mapper;
        List<Versioned<T>> history = new ArrayList<>();
        jdbc.sql("SELECT (jsonb_populate_record(NULL::" + fact.table + ", row_data)).* FROM fact_version"
                        + " WHERE fact_id = :id ORDER BY id").param("id", id)
                .query((rs, i) -> new Versioned<>(mapper.mapRow(rs, i), new Stamp(i + 1, received(rs)), provenance(rs)))
                .list().forEach(history::add);
        jdbc.sql("SELECT * FROM " + fact.table + " WHERE id = :id").param("id", id)
                .query((rs, i) -> new Versioned<>(mapper.mapRow(rs, i), new Stamp(history.size() + 1, received(rs)),
                        provenance(rs)))
                .optional().ifPresent(history::add);
        return history;
    }

    private Map<UUID, Stamp> stamps(String sql, Collection<UUID> ids) {
        Map<UUID, Stamp> stamps = new HashMap<>();
        if (ids.isEmpty()) {
            return stamps;
        }
        jdbc.sql(sql).param("ids", ids.toArray(UUID[]::new)).query((ResultSet rs) -> {
            stamps.put(rs.getObject(1, UUID.class), new Stamp(rs.getInt(3), rs.getTimestamp(2).toInstant()));
        });
        return stamps;
    }

    private static Provenance provenance(ResultSet rs) throws SQLException {
        return new Provenance(rs.getString("source_system"), rs.getString("source_ref"), received(rs),
                rs.getString("recorded_by"));
    }

    private static Instant received(ResultSet rs) throws SQLException {
        return rs.getTimestamp("received_at").toInstant();
    }
}
