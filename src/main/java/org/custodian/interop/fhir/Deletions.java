package org.custodian.interop.fhir;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.Provenance;
import org.custodian.record.RecordRetractions;
import org.custodian.record.RecordVersions.Fact;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resources that are gone from the API but not from the record: facts the record retracted as
 * entered in error ({@link RecordRetractions}: through a FHIR DELETE, or by coding when a reopened
 * case is finalised again) and notes deleted through the API ({@code fhir_deletion}). Reads answer
 * 410 Gone for them, searches leave them out, {@code _history} keeps them.
 */
@Repository
class Deletions {
    private static final Map<Fact, String> TYPES = Map.of(Fact.ENCOUNTER, "Encounter", Fact.DIAGNOSIS, "Condition",
            Fact.PROCEDURE, "Procedure", Fact.OBSERVATION, "Observation");

    /** A deletion: the version it made and who made it, when, through what. */
    record Deletion(String type, UUID id, int version, Provenance provenance) {
        Instant deletedAt() {
            return provenance.receivedAt();
        }

        String deletedBy() {
            return provenance.recordedBy();
        }
    }

    private final JdbcClient jdbc;
    private final RecordRetractions retractions;

    Deletions(JdbcClient jdbc, RecordRetractions retractions) {
        this.jdbc = jdbc;
        this.retractions = retractions;
    }

    Optional<Deletion> find(UUID id) {
        return retractions.find(id).map(Deletions::deletion).or(() -> jdbc.sql(
                        "SELECT * FROM fhir_deletion WHERE resource_id = :id").param("id", id)
                .query((rs, i) -> new Deletion(rs.getString("resource_type"), rs.getObject("resource_id", UUID.class),
                        rs.getInt("version"), new Provenance(ResourceWrites.SOURCE, rs.getString("source_ref"),
                        rs.getTimestamp("deleted_at").toInstant(), rs.getString("deleted_by")))).optional());
    }

    /** Records a note's deletion as version {@code version}; false if it was deleted already. */
    boolean recordDocument(UUID id, int version, String deletedBy, String sourceRef) {
        return jdbc.sql("""
                INSERT INTO fhir_deletion (resource_id, resource_type, version, deleted_by, source_ref)
                VALUES (:id, 'DocumentReference', :version, :by, :ref) ON CONFLICT (resource_id) DO NOTHING""")
                .param("id", id).param("version", version).param("by", deletedBy)
                .param("ref", sourceRef).update() == 1;
    }

    /** The ids among these that were deleted. */
    Set<UUID> deletedAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<UUID> deleted = new HashSet<>(jdbc.sql("SELECT resource_id FROM fhir_deletion WHERE resource_id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
        retractions.among(ids).forEach(r -> deleted.add(r.factId()));
        return deleted;
    }

    /** The resources that were not deleted, in their order. */
    <R extends Resource> List<R> withoutDeleted(List<R> resources) {
        Set<UUID> deleted = deletedAmong(resources.stream().map(Deletions::id).filter(Objects::nonNull).toList());
        return deleted.isEmpty() ? resources : resources.stream().filter(r -> !deleted.contains(id(r))).toList();
    }

    private static Deletion deletion(RecordRetractions.Retraction r) {
        return new Deletion(TYPES.get(r.fact()), r.factId(), r.version(), r.provenance());
    }

    private static UUID id(Resource resource) {
        return FhirIds.parse(resource.getIdElement().getIdPart());
    }
}
