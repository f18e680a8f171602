package org.custodian.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sensitivity labels and patient-requested restrictions, kept by privacy officers and HIM directors.
 * Each change is audited; a removed label or an ended restriction stays on file.
 */
@Service
public class SensitivityLabels {
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SensitivityLabels(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A label as listed for those who manage them. */
    public record LabelRow(UUID id, LabelTarget target, UUID targetId, SensitivityLabel label, String appliedBy,
                           Instant appliedAt) {
    }

    /** A restriction the patient asked for: a named user or a whole role kept out of the record. */
    public record RestrictionRow(UUID id, String restrictedUser, Role restrictedRole, String reason,
                                 Instant requestedAt, String recordedBy) {
    }

    @Transactional
    public UUID label(CustodianUser by, UUID patientId, LabelTarget target, UUID targetId, SensitivityLabel label) {
        allowed(by);
        if (!belongsTo(patientId, target, targetId)) {
            throw new IllegalArgumentException(target.name().toLowerCase() + " " + targetId + " is not this patient's");
        }
        UUID id = UUID.randomUUID();
        int added = jdbc.sql("""
                INSERT INTO sensitivity_label (id, patient_id, target_type, target_id, label, applied_by)
                VALUES (:id, :p, :t, :tid, :l, :by) ON CONFLICT DO NOTHING""")
                .param("id", id).param("p", patientId).param("t", target.name()).param("tid", targetId)
                .param("l", label.name()).param("by", by.getUsername()).update();
        if (added > 0) {
            record(by, AuditAction.UPDATE, patientId, "SensitivityLabel", id,
                    "label " + label + " on " + target + " " + targetId);
        }
        return id;
    }

    @Transactional
    public void remove(CustodianUser by, UUID patientId, UUID labelId) {
        allowed(by);
        int removed = jdbc.sql("""
                UPDATE sensitivity_label SET removed_by = :by, removed_at = now()
                 WHERE id = :id AND patient_id = :p AND removed_at IS NULL""")
                .param("by", by.getUsername()).param("id", labelId).param("p", patientId).update();
        if (removed == 0) {
            throw new IllegalArgumentException("no active label " + labelId + " on this patient");
        }
        record(by, AuditAction.DELETE, patientId, "SensitivityLabel", labelId, "label removed");
    }

    /** Records a restriction; exactly one of {@code username} or {@code role} names who is kept out. */
    @Transactional
    public UUID restrict(CustodianUser by, UUID patientId, String username, Role role, String reason) {
        allowed(by);
        if ((username == null || username.isBlank()) == (role == null)) {
            throw new IllegalArgumentException("a restriction names either one user or one role");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new IllegalArgumentException("reason must be 1-1000 characters");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO patient_restriction (id, patient_id, restricted_user, restricted_role, reason, recorded_by)
                VALUES (:id, :p, :u, :r, :reason, :by)""")
                .param("id", id).param("p", patientId).param("u", username == null || username.isBlank() ? null : username)
                .param("r", role == null ? null : role.name()).param("reason", reason).param("by", by.getUsername())
                .update();
        record(by, AuditAction.CREATE, patientId, "Restriction", id,
                "restriction of " + (role == null ? "user " + username : "role " + role) + ": " + reason);
        return id;
    }

    @Transactional
    public void endRestriction(CustodianUser by, UUID patientId, UUID restrictionId) {
        allowed(by);
        int ended = jdbc.sql("UPDATE patient_restriction SET ended_at = now() WHERE id = :id AND patient_id = :p "
                        + "AND ended_at IS NULL").param("id", restrictionId).param("p", patientId).update();
        if (ended == 0) {
            throw new IllegalArgumentException("no active restriction " + restrictionId + " on this patient");
        }
        record(by, AuditAction.UPDATE, patientId, "Restriction", restrictionId, "restriction ended");
    }

    @Transactional(readOnly = true)
    public List<LabelRow> labels(CustodianUser by, UUID patientId) {
        allowed(by);
        return jdbc.sql("""
                SELECT id, target_type, target_id, label, applied_by, applied_at FROM sensitivity_label
                 WHERE patient_id = :p AND removed_at IS NULL ORDER BY applied_at""")
                .param("p", patientId)
                .query((rs, i) -> new LabelRow(rs.getObject(1, UUID.class), LabelTarget.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), SensitivityLabel.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    @Transactional(readOnly = true)
    public List<RestrictionRow> restrictions(CustodianUser by, UUID patientId) {
        allowed(by);
        return jdbc.sql("""
                SELECT id, restricted_user, restricted_role, reason, requested_at, recorded_by FROM patient_restriction
                 WHERE patient_id = :p AND ended_at IS NULL ORDER BY requested_at""")
                .param("p", patientId)
                .query((rs, i) -> new RestrictionRow(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3) == null ? null : Role.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6))).list();
    }

    /**
     * Of these documents, the 42 CFR Part 2 records: a Part 2 label on the document, on its encounter or
     * on the whole patient. For release of information, which needs the patient's specific consent for them.
     */
    @Transactional(readOnly = true)
    public Set<UUID> part2Documents(Collection<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT d.id FROM document d JOIN sensitivity_label l
                    ON (l.target_type = 'DOCUMENT' AND l.target_id = d.id)
                    OR (l.target_type = 'ENCOUNTER' AND l.target_id = d.encounter_id)
                    OR (l.target_type = 'PATIENT' AND l.target_id = d.patient_id)
                 WHERE d.id = ANY(:ids) AND l.label = 'SUBSTANCE_USE_PART2' AND l.removed_at IS NULL""")
                .param("ids", documentIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /**
     * Of these documents, the labels each carries on itself, on its encounter or on the whole patient
     * (documents without any are left out). For release of information, which shows what a request must
     * specifically cover: a label on the patient covers every document of their record.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Set<SensitivityLabel>> documentLabels(Collection<UUID> documentIds) {
        Map<UUID, Set<SensitivityLabel>> labels = new HashMap<>();
        if (documentIds.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                SELECT DISTINCT d.id, l.label FROM document d JOIN sensitivity_label l
                    ON (l.target_type = 'DOCUMENT' AND l.target_id = d.id)
                    OR (l.target_type = 'ENCOUNTER' AND l.target_id = d.encounter_id)
                    OR (l.target_type = 'PATIENT' AND l.target_id = d.patient_id)
                 WHERE d.id = ANY(:ids) AND l.removed_at IS NULL""")
                .param("ids", documentIds.toArray(UUID[]::new))
                .query(rs -> {
                    labels.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(SensitivityLabel.class))
                            .add(SensitivityLabel.valueOf(rs.getString(2)));
                });
        return labels;
    }

    private boolean belongsTo(UUID patientId, LabelTarget target, UUID targetId) {
        String table = switch (target) {
            case PATIENT -> "patient";
            case ENCOUNTER -> "encounter";
            case DOCUMENT -> "document";
        };
        String column = target == LabelTarget.PATIENT ? "id" : "patient_id";
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :t AND " + column + " = :p")
                .param("t", targetId).param("p", patientId).query(Integer.class).single() > 0;
    }

    private static void allowed(CustodianUser by) {
        if (!by.can(Permission.MANAGE_SENSITIVITY)) {
            throw new PhiAccessDenied("role " + by.rolesText() + " does not allow " + Permission.MANAGE_SENSITIVITY);
        }
    }

    private void record(CustodianUser by, AuditAction action, UUID patientId, String type, UUID id, String detail) {
        audit.record(new AuditEntry(by.getUsername(), by.rolesText(), action, AuditOutcome.SUCCESS, patientId, type,
                id.toString(), detail, RequestOrigin.clientAddress()));
    }
}
