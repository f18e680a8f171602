package org.custodian.mpi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Overlay detection: one MRN whose data looks like two people. When new demographics arrive for a
 * known MRN (an ADT update, a re-registration), they are compared with what the record holds. A
 * birth date that differs outright (not a typo or a swapped day and month), or a different sex with
 * a different given name, means another person's data is being written onto this record (often a
 * family member at the same address, so the weight alone would not show it); the patient is flagged.
 */
@Service
public class OverlayDetector {
    private final IndexReader index;
    private final PatientMatcher matcher;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    OverlayDetector(IndexReader index, PatientMatcher matcher, JdbcClient jdbc, AuditTrail audit) {
        this.index = index;
        this.matcher = matcher;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A patient flagged as a possible overlay. */
    public record Flag(UUID patientId, String reason, java.time.Instant flaggedAt) {
    }

    /** Compares incoming demographics with the patient's; flags and returns the reason when they conflict. */
    public Optional<String> check(UUID patientId, Demographics incoming, Actor actor) {
        Optional<Demographics> stored = index.find(List.of(patientId)).stream().findFirst();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<FieldAgreement> fields = matcher.compare(stored.get(), incoming);
        double weight = matcher.weight(stored.get(), incoming);
        boolean birthDiffers = disagrees(fields, "Birth date");
        boolean sexDiffers = disagrees(fields, "Sex");
        boolean givenAgrees = fields.stream().anyMatch(f -> f.field().equals("Given name")
                && f.agreement() == FieldAgreement.Agreement.AGREE);
        // a new birth date is another person; a new sex alone may be a correction, unless the name moved too
        if (!birthDiffers && !(sexDiffers && !givenAgrees)) {
            return Optional.empty();
        }
        List<String> conflicts = java.util.stream.Stream.of(birthDiffers ? "birth date" : null, sexDiffers ? "sex" : null,
                givenAgrees ? null : "given name").filter(java.util.Objects::nonNull).toList();
        String reason = String.format(java.util.Locale.ROOT,
                "incoming demographics conflict on %s (match weight %.1f): possibly another person's data on this record",
                String.join(" and ", conflicts), weight);
        jdbc.sql("""
                INSERT INTO mpi_overlay_flag (patient_id, reason) VALUES (:p, :r)
                ON CONFLICT (patient_id) DO UPDATE SET reason = :r, flagged_at = now(), resolved_at = NULL""")
                .param("p", patientId).param("r", reason).update();
        audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.UPDATE, AuditOutcome.SUCCESS, patientId,
                "MpiOverlayFlag", patientId.toString(), reason, actor.clientAddress()));
        return Optional.of(reason);
    }

    private static boolean disagrees(List<FieldAgreement> fields, String field) {
        return fields.stream().anyMatch(f -> f.field().equals(field) && f.agreement() == FieldAgreement.Agreement.DISAGREE);
    }

    public List<Flag> open() {
        return jdbc.sql("SELECT patient_id, reason, flagged_at FROM mpi_overlay_flag WHERE resolved_at IS NULL ORDER BY flagged_at DESC")
                .query((rs, i) -> new Flag(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
