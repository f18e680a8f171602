package org.custodian.mpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SQL of merging and unmerging. Clinical rows are re-pointed (never copied or deleted), and
 * everything a merge changes is kept in {@code mpi_merge} so unmerge can put it back exactly.
 * Document versions keep the patient they were written for: they are append-only by design.
 */
@Repository
class MergeRepository {
    /** Tables whose rows follow the patient they belong to (each has {@code id} and {@code patient_id}). */
    static final List<String> CLINICAL_TABLES = List.of("encounter", "diagnosis", "procedure_performed", "observation",
            "document", "encounter_charge");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    MergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Snapshot(String survivorBefore, String retiredBefore, String identityBefore) {
    }

    record MergeRow(UUID id, UUID survivorId, UUID retiredId, MergeSource source, String survivorBefore,
                    String retiredBefore, String identityBefore, String repointed, java.time.Instant mergedAt,
                    String mergedBy, java.time.Instant unmergedAt, String unmergedBy) {
    }

    boolean lockPatients(UUID a, UUID b) {
        return jdbc.sql("SELECT count(*) FROM (SELECT id FROM patient WHERE id IN (:a, :b) ORDER BY id FOR UPDATE) x")
                .param("a", a).param("b", b).query(Long.class).single() == 2;
    }

    Optional<UUID> mergedInto(UUID patientId) {
        return jdbc.sql("SELECT merged_into FROM mpi_identity WHERE patient_id = :id AND merged_into IS NOT NULL")
                .param("id", patientId).query(UUID.class).optional();
    }

    Map<UUID, UUID> survivorsOf(Collection<UUID> patientIds) {
        Map<UUID, UUID> survivors = new HashMap<>();
        if (!patientIds.isEmpty()) {
            jdbc.sql("SELECT patient_id, merged_into FROM mpi_identity WHERE patient_id = ANY(:ids) AND merged_into IS NOT NULL")
                    .param("ids", patientIds.toArray(UUID[]::new))
                    .query(rs -> {
                        survivors.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
        }
        return survivors;
    }

    Snapshot snapshot(UUID survivor, UUID retired) {
        return new Snapshot(row(survivor), row(retired), jdbc.sql("""
                SELECT coalesce(jsonb_agg(to_jsonb(i) ORDER BY i.patient_id), '[]'::jsonb)::text
                  FROM mpi_identity i WHERE i.patient_id IN (:s, :r)""")
                .param("s", survivor).param("r", retired).query(String.class).single());
    }

    private String row(UUID id) {
        return jdbc.sql("SELECT to_jsonb(p)::text FROM patient p WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    /** Moves the retired record's clinical rows and MRNs to the survivor; returns what moved, as JSON. */
    String repoint(UUID survivor, UUID retired) {
        Map<String, Object> moved = new LinkedHashMap<>();
        for (String table : CLINICAL_TABLES) {
            moved.put(table, jdbc.sql("UPDATE " + table + " SET patient_id = :s WHERE patient_id = :r RETURNING id")
                    .param("s", survivor).param("r", retired).query(UUID.class).list());
        }
        moved.put("patient_identifier", jdbc.sql(
                        "UPDATE patient_identifier SET patient_id = :s WHERE patient_id = :r RETURNING facility_id, value")
                .param("s", survivor).param("r", retired)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).list());
        try {
            return JSON.writeValueAsString(moved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("re-pointed rows cannot be written as JSON", e);
        }
    }

    /** Survivorship: the survivor's own values win; what it lacks is taken from the retired record. */
    void fillGaps(UUID survivor, UUID retired) {
        jdbc.sql("""
                UPDATE patient s SET
                       address_line = CASE WHEN s.address_line IS NULL THEN r.address_line ELSE s.address_line END,
                       city = CASE WHEN s.address_line IS NULL THEN r.city ELSE s.city END,
                       state = CASE WHEN s.address_line IS NULL THEN r.state ELSE s.state END,
                       postal_code = CASE WHEN s.address_line IS NULL THEN r.postal_code ELSE s.postal_code END,
                       phone = coalesce(s.phone, r.phone),
                       ssn_encrypted = CASE WHEN s.ssn_encrypted IS NULL THEN r.ssn_encrypted ELSE s.ssn_encrypted END,
                       ssn_digest = CASE WHEN s.ssn_encrypted IS NULL THEN r.ssn_digest ELSE s.ssn_digest END,
                       deceased_at = coalesce(s.deceased_at, r.deceased_at)
                  FROM patient r WHERE s.id = :s AND r.id = :r""").param("s", survivor).param("r", retired).update();
    }

    void linkIdentity(UUID survivor, UUID retired) {
        UUID enterprise = jdbc.sql("SELECT enterprise_id FROM mpi_identity WHERE patient_id = :s").param("s", survivor)
                .query(UUID.class).optional().orElse(survivor);
        jdbc.sql("""
                INSERT INTO mpi_identity (patient_id, enterprise_id, merged_into) VALUES (:s, :e, NULL)
                ON CONFLICT (patient_id) DO NOTHING""").param("s", survivor).param("e", enterprise).update();
        jdbc.sql("""
                INSERT INTO mpi_identity (patient_id, enterprise_id, merged_into) VALUES (:r, :e, :s)
                ON CONFLICT (patient_id) DO UPDATE SET enterprise_id = :e, merged_into = :s""")
                .param("r", retired).param("e", enterprise).param("s", survivor).update();
    }

    void insert(UUID id, UUID survivor, UUID retired, MergeSource source, Snapshot before, String repointed, String by) {
        jdbc.sql("""
                INSERT INTO mpi_merge (id, survivor_id, retired_id, source, survivor_before, retired_before,
                                       identity_before, repointed, merged_by)
                VALUES (:id, :s, :r, :source, :sb::jsonb, :rb::jsonb, :ib::jsonb, :rp::jsonb, :by)""")
                .param("id", id).param("s", survivor).param("r", retired).param("source", source.name())
                .param("sb", before.survivorBefore()).param("rb", before.retiredBefore())
                .param("ib", before.identityBefore()).param("rp", repointed).param("by", by).update();
    }

    Optional<MergeRow> find(UUID mergeId, boolean lock) {
        return jdbc.sql("SELECT * FROM mpi_merge WHERE id = :id" + (lock ? " FOR UPDATE" : "")).param("id", mergeId)
                .query(MergeRepository::map).optional();
    }

    List<MergeRow> recent(int limit) {
        return jdbc.sql("SELECT * FROM mpi_merge ORDER BY merged_at DESC LIMIT :n").param("n", limit)
                .query(MergeRepository::map).list();
    }

    /** Active merges after this one that touch either record: they must be undone first. */
    List<UUID> laterActiveMerges(MergeRow merge) {
        return jdbc.sql("""
                SELECT id FROM mpi_merge WHERE unmerged_at IS NULL AND id <> :id AND merged_at >= :at
                   AND (survivor_id IN (:s, :r) OR retired_id IN (:s, :r))""")
                .param("id", merge.id()).param("at", java.sql.Timestamp.from(merge.mergedAt()))
                .param("s", merge.survivorId()).param("r", merge.retiredId()).query(UUID.class).list();
    }

    /** Puts both patient rows, the re-pointed rows and the identities back as they were before the merge. */
    void restore(MergeRow merge) {
        String columns = jdbc.sql("""
                SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
                  FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'patient'""")
                .query(String.class).single();
        for (String before : List.of(merge.survivorBefore(), merge.retiredBefore())) {
            jdbc.sql("UPDATE patient SET (" + columns + ") = (SELECT " + columns
                            + " FROM jsonb_populate_record(NULL::patient, :row::jsonb)) WHERE id = (:row::jsonb ->> 'id')::uuid")
                    .param("row", before).update();
        }
        JsonNode moved;
        try {
            moved = JSON.readTree(merge.repointed());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge " + merge.id() + " has unreadable re-pointed rows", e);
        }
        for (String table : CLINICAL_TABLES) {
            List<UUID> ids = new ArrayList<>();
            moved.path(table).forEach(node -> ids.add(UUID.fromString(node.asText())));
            if (!ids.isEmpty()) {
                jdbc.sql("UPDATE " + table + " SET patient_id = :r WHERE id = ANY(:ids) AND patient_id = :s")
                        .param("r", merge.retiredId()).param("s", merge.survivorId())
                        .param("ids", ids.toArray(UUID[]::new)).update();
            }
        }
        for (JsonNode mrn : moved.path("patient_identifier")) {
            jdbc.sql("UPDATE patient_identifier SET patient_id = :r WHERE facility_id = :f AND value = :v")
                    .param("r", merge.retiredId()).param("f", UUID.fromString(mrn.get(0).asText()))
                    .param("v", mrn.get(1).asText()).update();
        }
        jdbc.sql("DELETE FROM mpi_identity WHERE patient_id IN (:s, :r)")
                .param("s", merge.survivorId()).param("r", merge.retiredId()).update();
        jdbc.sql("""
                INSERT INTO mpi_identity (patient_id, enterprise_id, merged_into)
                SELECT patient_id, enterprise_id, merged_into
                  FROM jsonb_populate_recordset(NULL::mpi_identity, :rows::jsonb)""")
                .param("rows", merge.identityBefore()).update();
    }

    void markUnmerged(UUID mergeId, String by) {
        jdbc.sql("UPDATE mpi_merge SET unmerged_at = now(), unmerged_by = :by WHERE id = :id")
                .param("id", mergeId).param("by", by).update();
    }

    private static MergeRow map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var unmerged = rs.getTimestamp("unmerged_at");
        return new MergeRow(rs.getObject("id", UUID.class), rs.getObject("survivor_id", UUID.class),
                rs.getObject("retired_id", UUID.class), MergeSource.valueOf(rs.getString("source")),
                rs.getString("survivor_before"), rs.getString("retired_before"), rs.getString("identity_before"),
                rs.getString("repointed"), rs.getTimestamp("merged_at").toInstant(), rs.getString("merged_by"),
                unmerged == null ? null : unmerged.toInstant(), rs.getString("unmerged_by"));
    }
}
