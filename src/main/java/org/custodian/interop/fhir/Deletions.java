package org.custodian.interop.fhir;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resources deleted through the API ({@code fhir_deletion}): marked entered-in-error, never removed.
 * Reads answer 410 Gone for them, searches leave them out, {@code _history} keeps them.
 */
@Repository
class Deletions {
    /** A deletion: the version it made and who made it, when, through which request. */
    record Deletion(String type, UUID id, int version, Instant deletedAt, String deletedBy, String sourceRef) {
        org.custodian.record.Provenance provenance() {
            return new org.custodian.record.Provenance(ResourceWrites.SOURCE, sourceRef, deletedAt, deletedBy);
        }
    }

    private final JdbcClient jdbc;

    Deletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Deletion> find(UUID id) {
        return jdbc.sql("SELECT * FROM fhir_deletion WHERE resource_id = :id").param("id", id)
                .query((rs, i) -> new Deletion(rs.getString("resource_type"), rs.getObject("resource_id", UUID.class),
                        rs.getInt("version"), rs.getTimestamp("deleted_at").toInstant(), rs.getString("deleted_by"),
                        rs.getString("source_ref"))).optional();
    }

    /** Records the deletion as version {@code version}; false if the resource was deleted already. */
    boolean record(String type, UUID id, int version, String deletedBy, String sourceRef) {
        return jdbc.sql("""
                INSERT INTO fhir_deletion (resource_id, resource_type, version, deleted_by, source_ref)
                VALUES (:id, :type, :version, :by, :ref) ON CONFLICT (resource_id) DO NOTHING""")
                .param("id", id).param("type", type).param("version", version).param("by", deletedBy)
                .param("ref", sourceRef).update() == 1;
    }

    /** The ids among these that were deleted. */
    Set<UUID> deletedAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT resource_id FROM fhir_deletion WHERE resource_id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** The resources that were not deleted, in their order. */
    <R extends Resource> List<R> withoutDeleted(List<R> resources) {
        Set<UUID> deleted = deletedAmong(resources.stream().map(Deletions::id).filter(java.util.Objects::nonNull).toList());
        return deleted.isEmpty() ? resources : resources.stream().filter(r -> !deleted.contains(id(r))).toList();
    }

    /** Deletions of one type from {@code since} on, oldest first (for type-level history). */
    List<Deletion> ofType(String type, Instant since, int limit) {
        return jdbc.sql("SELECT * FROM fhir_deletion WHERE resource_type = :type AND deleted_at >= :since"
                        + " ORDER BY deleted_at LIMIT :limit")
                .param("type", type).param("since", Timestamp.from(since == null ? Instant.EPOCH : since))
                .param("limit", limit)
                .query((rs, i) -> new Deletion(rs.getString("resource_type"), rs.getObject("resource_id", UUID.class),
                        rs.getInt("version"), rs.getTimestamp("deleted_at").toInstant(), rs.getString("deleted_by"),
                        rs.getString("source_ref"))).list();
    }

    private static UUID id(Resource resource) {
        return FhirIds.parse(resource.getIdElement().getIdPart());
    }
}
