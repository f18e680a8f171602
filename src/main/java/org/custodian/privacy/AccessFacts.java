package org.custodian.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.ClinicalQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the access policy looks up about a record and a user: labels, restrictions, relationship, emergency access. */
@Repository
class AccessFacts {
    private final JdbcClient jdbc;

    AccessFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Everything the policy asks about one patient for this user, in one round trip instead of one
     * query per fact (existence, holding facilities, restriction, record labels, labelled parts).
     */
    PatientAccessFacts patient(UUID patientId, String username, Set<Role> roles) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM patient WHERE id = :p),
                       ARRAY(SELECT f.id::text || ' ' || f.code FROM patient_identifier i
                               JOIN facility f ON f.id = i.facility_id
                              WHERE i.patient_id = :p ORDER BY f.code),
                       (SELECT min(requested_at) FROM patient_restriction
                         WHERE patient_id = :p AND ended_at IS NULL
                           AND (restricted_user = :u OR restricted_role = ANY(:roles))),
                       ARRAY(SELECT label FROM sensitivity_label
                              WHERE patient_id = :p AND target_type = 'PATIENT' AND removed_at IS NULL),
                       ARRAY(SELECT target_id::text || ' ' || label FROM sensitivity_label
                              WHERE patient_id = :p AND target_type <> 'PATIENT' AND removed_at IS NULL)""")
                .param("p", patientId).param("u", username)
                .param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, i) -> {
                    Map<UUID, String> facilities = new LinkedHashMap<>();
                    for (String idAndCode : (String[]) rs.getArray(2).getArray()) {
                        facilities.put(UUID.fromString(idAndCode.substring(0, 36)), idAndCode.substring(37));
                    }
                    OffsetDateTime restricted = rs.getObject(3, OffsetDateTime.class);
                    Map<UUID, Set<SensitivityLabel>> parts = new HashMap<>();
                    for (String idAndLabel : (String[]) rs.getArray(5).getArray()) {
                        parts.computeIfAbsent(UUID.fromString(idAndLabel.substring(0, 36)),
                                k -> EnumSet.noneOf(SensitivityLabel.class))
                                .add(SensitivityLabel.valueOf(idAndLabel.substring(37)));
                    }
                    return new PatientAccessFacts(rs.getBoolean(1), facilities,
                            Optional.ofNullable(restricted).map(OffsetDateTime::toInstant),
                            labels(List.of((String[]) rs.getArray(4).getArray())), parts);
                }).single();
    }

    /**
     * Of these patients, those with a label on the whole record or an active restriction the patient
     * asked for: the ones a search must decide one by one. One query for a page of search results.
     */
    Set<UUID> labelledOrRestricted(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT patient_id FROM sensitivity_label
                 WHERE patient_id = ANY(:ids) AND target_type = 'PATIENT' AND removed_at IS NULL
                UNION
                SELECT patient_id FROM patient_restriction WHERE patient_id = ANY(:ids) AND ended_at IS NULL""")
                .param("ids", patientIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** Labels on the document itself and on the encounter it belongs to. */
    Set<SensitivityLabel> documentLabels(UUID documentId) {
        return labels(jdbc.sql("""
                SELECT l.label FROM sensitivity_label l JOIN document d
                    ON (l.target_type = 'DOCUMENT' AND l.target_id = d.id)
                    OR (l.target_type = 'ENCOUNTER' AND l.target_id = d.encounter_id)
                 WHERE d.id = :d AND l.removed_at IS NULL""")
                .param("d", documentId).query(String.class).list());
    }

    /**
     * Labels on one part of a record beyond the patient's own: an encounter's labels; for a diagnosis,
     * procedure or result, its encounter's; for a document, its own and its encounter's.
     */
    Set<SensitivityLabel> partLabels(ClinicalQueries.Kind kind, UUID partId) {
        String encounterOf = switch (kind) {
            case ENCOUNTER -> "SELECT CAST(:id AS uuid)";
            case DIAGNOSIS -> "SELECT encounter_id FROM diagnosis WHERE id = :id";
            case PROCEDURE -> "SELECT encounter_id FROM procedure_performed WHERE id = :id";
            case OBSERVATION -> "SELECT encounter_id FROM observation WHERE id = :id";
            case DOCUMENT -> null;
        };
        if (encounterOf == null) {
            return documentLabels(partId);
        }
        return labels(jdbc.sql("""
                SELECT label FROM sensitivity_label
                 WHERE target_type = 'ENCOUNTER' AND removed_at IS NULL AND target_id = (%s)""".formatted(encounterOf))
                .param("id", partId).query(String.class).list());
    }

    /** Labelled encounters and documents of a patient, so a chart or a list can leave out what the user may not see. */
    Map<UUID, Set<SensitivityLabel>> labelledParts(UUID patientId) {
        Map<UUID, Set<SensitivityLabel>> parts = new HashMap<>();
        jdbc.sql("""
                SELECT target_id, label FROM sensitivity_label
                 WHERE patient_id = :p AND target_type <> 'PATIENT' AND removed_at IS NULL""")
                .param("p", patientId)
                .query(rs -> {
                    parts.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(SensitivityLabel.class))
                            .add(SensitivityLabel.valueOf(rs.getString(2)));
                });
        return parts;
    }

    /** The visit number (or admission time) of an open encounter where the user is the attending clinician. */
    Optional<String> treatingEncounter(UUID patientId, UUID userId) {
        List<String> visits = jdbc.sql("""
                SELECT coalesce(e.visit_number, to_char(e.admit_at, 'YYYY-MM-DD')) FROM encounter e
                  JOIN app_user u ON u.practitioner_id = e.attending_id
                 WHERE e.patient_id = :p AND u.id = :u AND e.discharge_at IS NULL AND NOT e.entered_in_error
                 ORDER BY e.admit_at DESC LIMIT 1""")
                .param("p", patientId).param("u", userId).query(String.class).list();
        return visits.stream().findFirst();
    }

    /** When the user's active emergency access to this patient ends, if they have one. */
    Optional<Instant> emergencyAccessUntil(String username, UUID patientId, Instant now) {
        return jdbc.sql("""
                SELECT expires_at FROM break_glass
                 WHERE username = :u AND patient_id = :p AND expires_at > :now
                 ORDER BY expires_at DESC LIMIT 1""")
                .param("u", username).param("p", patientId).param("now", Timestamp.from(now))
                .query(OffsetDateTime.class).list().stream().findFirst().map(OffsetDateTime::toInstant);
    }

    private static Set<SensitivityLabel> labels(List<String> names) {
        Set<SensitivityLabel> labels = EnumSet.noneOf(SensitivityLabel.class);
        names.forEach(n -> labels.add(SensitivityLabel.valueOf(n)));
        return labels;
    }
}
