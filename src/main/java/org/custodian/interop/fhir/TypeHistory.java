package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.privacy.PhiAccessDenied;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Type-level {@code _history} ({@code GET /fhir/Condition/_history?_since=…&_count=…}): every
 * version of the type's resources received at or after {@code _since}, newest first, in the
 * patients of the user's facilities (decided and audited as a patient search). Each page is then
 * read patient by patient through the same decision and audit as a read; a record the user may not
 * read is left out of the page. At most {@value #MAX_VERSIONS} versions per request. System-level
 * {@code _history} is the same over every type of the patient record.
 */
@Component
final class TypeHistory {
    static final int MAX_VERSIONS = 10_000;
    private static final String SCOPE = " EXISTS (SELECT 1 FROM patient_identifier s WHERE s.patient_id = %s"
            + " AND s.facility_id = ANY(:scope))";

    /** One version of one resource, with the patient whose record it is part of. */
    record Version(String type, UUID id, UUID patientId, Instant at, int version) {
    }

    private final JdbcClient jdbc;
    private final PhiAccess phi;
    private final ResourceHistory history;

    TypeHistory(JdbcClient jdbc, PhiAccess phi, ResourceHistory history) {
        this.jdbc = jdbc;
        this.phi = phi;
        this.history = history;
    }

    IBundleProvider of(String type, Instant since, Integer offset, Integer count) {
        CustodianUser user = ApiCaller.current();
        List<Version> found = phi.searchPatients(user, "FHIR " + type + "/_history"
                        + (since == null ? "" : " _since=" + since),
                scope -> scope.isEmpty() ? List.of() : versions(type, since, scope.toArray(UUID[]::new)));
        return new LazyPage<>(found, page -> resources(user, type + "/_history", page), offset(offset), count(count));
    }

    /** System-level {@code _history}: the same over every type of the patient record, newest first. */
    IBundleProvider ofAll(Instant since, Integer offset, Integer count) {
        CustodianUser user = ApiCaller.current();
        List<Version> found = phi.searchPatients(user, "FHIR _history" + (since == null ? "" : " _since=" + since),
                scope -> {
                    if (scope.isEmpty()) {
                        return List.of();
                    }
                    List<Version> all = new ArrayList<>();
                    for (String type : PatientRecordResources.TYPES) {
                        all.addAll(versions(type, since, scope.toArray(UUID[]::new)));
                    }
                    all.sort(java.util.Comparator.comparing(Version::at).reversed());
                    return all.subList(0, Math.min(all.size(), MAX_VERSIONS));
                });
        return new LazyPage<>(found, page -> resources(user, "_history", page), offset(offset), count(count));
    }

    private static int offset(Integer offset) {
        return offset == null ? 0 : Math.max(0, offset);
    }

    private static int count(Integer count) {
        return count == null || count <= 0 ? CustodianFhirServer.DEFAULT_PAGE : Math.min(count, CustodianFhirServer.MAX_PAGE);
    }

    private List<Version> versions(String type, Instant since, UUID[] scope) {
        String sql = switch (type) {
            case "Patient" -> """
                    SELECT h.id, h.id AS patient_id, h.at, h.version FROM (
                        SELECT patient_id AS id, received_at AS at,
                               row_number() OVER (PARTITION BY patient_id ORDER BY id)::int AS version
                          FROM patient_version
                        UNION ALL
                        SELECT p.id, p.received_at, 1 + (SELECT count(*) FROM patient_version v WHERE v.patient_id = p.id)::int
                          FROM patient p) h
                     WHERE h.at >= :since AND""" + SCOPE.formatted("h.id");
            case "DocumentReference" -> """
                    SELECT v.document_id AS id, d.patient_id, v.received_at AS at, v.version
                      FROM document_version v JOIN document d ON d.id = v.document_id
                     WHERE v.received_at >= :since AND""" + SCOPE.formatted("d.patient_id");
            default -> {
                String table = factTable(type);
                yield """
                        SELECT h.id, f.patient_id, h.at,
                               CASE WHEN h.version = 0
                                    THEN 1 + (SELECT count(*) FROM fact_version v WHERE v.fact_id = f.id)::int
                                    ELSE h.version END AS version
                          FROM (SELECT fact_id AS id, (row_data ->> 'received_at')::timestamptz AS at,
                                       row_number() OVER (PARTITION BY fact_id ORDER BY id)::int AS version
                                  FROM fact_version WHERE fact_table = :table
                                UNION ALL
                                SELECT id, received_at, 0 FROM %1$s
                                UNION ALL
                                SELECT fact_id, retracted_at,
                                       2 + (SELECT count(*) FROM fact_version v WHERE v.fact_id = r.fact_id)::int
                                  FROM fact_retraction r WHERE fact_table = :table) h
                          JOIN %1$s f ON f.id = h.id
                         WHERE h.at >= :since AND""".formatted(table) + SCOPE.formatted("f.patient_id");
            }
        };
        var query = jdbc.sql(sql + " ORDER BY at DESC, id, version DESC LIMIT " + MAX_VERSIONS)
                .param("since", Timestamp.from(since == null ? Instant.EPOCH : since)).param("scope", scope);
        if (sql.contains(":table")) {
            query = query.param("table", factTable(type));
        }
        return query.query((rs, i) -> new Version(type, rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getTimestamp("at").toInstant(), rs.getInt("version"))).list();
    }

    private static String factTable(String type) {
        return switch (type) {
            case "Encounter" -> "encounter";
            case "Condition" -> "diagnosis";
            case "Procedure" -> "procedure_performed";
            case "Observation" -> "observation";
            default -> throw new IllegalArgumentException("no history of " + type);
        };
    }

    /** The page's versions, one audited read per patient; records the user may not read are left out. */
    private List<IBaseResource> resources(CustodianUser user, String audited, List<Version> page) {
        Map<UUID, List<Version>> byPatient = new LinkedHashMap<>();
        page.forEach(v -> byPatient.computeIfAbsent(v.patientId(), p -> new ArrayList<>()).add(v));
        Map<Version, IBaseResource> read = new HashMap<>();
        for (var entry : byPatient.entrySet()) {
            try {
                phi.readRecordWithout(user, entry.getKey(), audited, "history, " + entry.getValue().size()
                                        + " versions", withheld -> Optional.of(shown(versions(entry.getValue()), withheld)))
                        .ifPresent(read::putAll);
            } catch (PhiAccessDenied denied) {
                // left out, as a search leaves out what it may not show; the denial is audited
            }
        }
        return page.stream().filter(read::containsKey).map(read::get).toList();
    }

    /** Without the versions of labelled encounters and documents the user may not see, or of what was recorded in them. */
    private static Map<Version, IBaseResource> shown(Map<Version, IBaseResource> versions, Set<UUID> withheld) {
        versions.values().removeIf(r -> !WithheldResources.shown(r, withheld));
        return versions;
    }

    private Map<Version, IBaseResource> versions(List<Version> wanted) {
        Map<UUID, List<IBaseResource>> all = new HashMap<>();
        Map<Version, IBaseResource> found = new HashMap<>();
        for (Version v : wanted) {
            all.computeIfAbsent(v.id(), id -> history.versionsOf(v.type(), id)).stream()
                    .filter(r -> String.valueOf(v.version()).equals(((Resource) r).getMeta().getVersionId()))
                    .findFirst().ifPresent(r -> found.put(v, r));
        }
        return found;
    }
}
