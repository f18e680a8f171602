package org.custodian.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.record.RecordVersions.Fact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Retracts an encounter, diagnosis, procedure or result as entered in error: nothing is deleted.
 * The row keeps its provenance and earlier versions and is flagged, so the chart, searches, the
 * FHIR API, analytics and quality leave it out; who retracted it, when, why and through what is
 * kept beside it. A retraction is the fact's last version. Each retraction announces the patient
 * through {@link RecordChanges}; runs in the caller's transaction. Retracting an encounter
 * retracts only the encounter, not the facts filed on it.
 */
@Repository
public class RecordRetractions {
    /** A fact retracted: which, the version the retraction made, why, and who retracted it through what. */
    public record Retraction(Fact fact, UUID factId, int version, String reason, Provenance provenance) {
    }

    private static final Map<String, Fact> BY_TABLE =
            Arrays.stream(Fact.values()).collect(Collectors.toMap(f -> f.table, f -> f));
    // the retraction's version follows the fact's states: the current row and each kept in fact_version
    private static final String SELECT = """
            SELECT r.*, 2 + (SELECT count(*) FROM fact_version v WHERE v.fact_id = r.fact_id) AS version
              FROM fact_retraction r""";

    private final JdbcClient jdbc;
    private final RecordChanges changes;

    public RecordRetractions(JdbcClient jdbc, RecordChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Marks the fact entered in error; returns the retraction this call made, or empty if the fact
     * was retracted already (that retraction stands). An unknown fact is a bug of the caller.
     */
    public Optional<Retraction> retract(Fact fact, UUID factId, String reason, Provenance by) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a retraction needs a reason");
        }
        Optional<UUID> patientId = jdbc.sql("UPDATE " + fact.table + " SET entered_in_error = true"
                        + " WHERE id = :id AND NOT entered_in_error RETURNING patient_id")
                .param("id", factId).query(UUID.class).optional();
        if (patientId.isEmpty()) {
            if (find(factId).isPresent()) {
                return Optional.empty();
            }
            throw new IllegalArgumentException("no " + fact.table + " " + factId + " to retract");
        }
        jdbc.sql("""
                INSERT INTO fact_retraction (fact_id, fact_table, reason, source_system, source_ref, retracted_at,
                    retracted_by) VALUES (:id, :table, :reason, :system, :ref, :at, :by)""")
                .param("id", factId).param("table", fact.table).param("reason", reason)
                .param("system", by.sourceSystem()).param("ref", by.sourceRef())
                .param("at", Timestamp.from(by.receivedAt())).param("by", by.recordedBy()).update();
        changes.changed(patientId.get());
        return find(factId);
    }

    /** The fact's retraction, if it was retracted. */
    public Optional<Retraction> find(UUID factId) {
        return jdbc.sql(SELECT + " WHERE r.fact_id = :id").param("id", factId).query(RecordRetractions::map).optional();
    }

    /** The retractions of these facts (any kind); facts not retracted are left out. */
    public List<Retraction> among(Collection<UUID> factIds) {
        if (factIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE r.fact_id = ANY(:ids)").param("ids", factIds.toArray(UUID[]::new))
                .query(RecordRetractions::map).list();
    }

    /** Retractions of one kind of fact from {@code since} on, oldest first. */
    public List<Retraction> ofKind(Fact fact, Instant since, int limit) {
        return jdbc.sql(SELECT + " WHERE r.fact_table = :table AND r.retracted_at >= :since"
                        + " ORDER BY r.retracted_at LIMIT :limit")
                .param("table", fact.table).param("since", Timestamp.from(since == null ? Instant.EPOCH : since))
                .param("limit", limit).query(RecordRetractions::map).list();
    }

    private static Retraction map(ResultSet rs, int row) throws SQLException {
        return new Retraction(BY_TABLE.get(rs.getString("fact_table")), rs.getObject("fact_id", UUID.class),
                rs.getInt("version"), rs.getString("reason"), new Provenance(rs.getString("source_system"),
                rs.getString("source_ref"), rs.getTimestamp("retracted_at").toInstant(), rs.getString("retracted_by")));
    }
}
