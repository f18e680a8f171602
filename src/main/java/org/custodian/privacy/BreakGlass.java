package org.custodian.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency access (ONC (d)(6)): a user the policy denied declares an emergency with a reason and
 * reads the record for a limited time; the privacy officer's queue shows the event at once and the
 * officer records whether it was appropriate. Declarations and reviews are audited.
 */
@Service
public class BreakGlass {
    public static final int MIN_REASON = 10;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock = Clock.systemUTC();

    BreakGlass(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
    }

    public enum ReviewOutcome { APPROPRIATE, INAPPROPRIATE }

    /** One declared emergency, as the privacy officer's queue lists it. */
    public record Event(UUID id, String username, String roles, UUID patientId, String patientName, String reason,
                        String deniedBecause, Instant declaredAt, Instant expiresAt, String reviewedBy,
                        Instant reviewedAt, ReviewOutcome outcome, String reviewNote) {
        public boolean reviewed() {
            return reviewedAt != null;
        }
    }

    /**
     * Grants time-limited access to a patient the user is denied today. Refused when their role
     * does not read charts at all, or when the policy already permits (nothing to override).
     */
    @Transactional(noRollbackFor = PhiAccessDenied.class) // the refusal's audit event stays
    public Instant declare(CustodianUser user, UUID patientId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > 1000) {
            throw new IllegalArgumentException("the emergency reason must be " + MIN_REASON + "-1000 characters");
        }
        AccessDecision decision = policy.decide(user, Permission.READ_CHART, patientId);
        if (decision instanceof AccessDecision.Permit) {
            throw new IllegalArgumentException("you already have access to this record; no emergency access is needed");
        }
        AccessDecision.Deny deny = (AccessDecision.Deny) decision;
        if (!deny.emergencyAccess()) {
            audit.record(entry(user, AuditOutcome.DENIED, patientId, null, "refused: " + deny.reason()));
            throw new PhiAccessDenied(deny, patientId);
        }
        Instant now = clock.instant();
        Instant until = now.plus(properties.breakGlassDuration());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO break_glass (id, username, roles, patient_id, reason, denied_because, declared_at, expires_at)
                VALUES (:id, :u, :r, :p, :why, :denied, :now, :until)""")
                .param("id", id).param("u", user.getUsername()).param("r", user.rolesText()).param("p", patientId)
                .param("why", why).param("denied", deny.reason()).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until)).update();
        audit.record(entry(user, AuditOutcome.SUCCESS, patientId, id,
                "emergency declared until " + until + ": " + why + "; overriding: " + deny.reason()));
        return until;
    }

    /** Unreviewed events first (newest first), then the most recently reviewed. */
    @Transactional(readOnly = true)
    public List<Event> queue(CustodianUser officer, int limit) {
        reviewer(officer);
        return jdbc.sql("""
                SELECT b.*, p.given || ' ' || p.family AS patient_name FROM break_glass b JOIN patient p ON p.id = b.patient_id
                 ORDER BY (b.reviewed_at IS NULL) DESC, coalesce(b.reviewed_at, b.declared_at) DESC LIMIT :n""")
                .param("n", limit)
                .query((rs, i) -> new Event(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("roles"), rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
                        rs.getString("reason"), rs.getString("denied_because"), instant(rs.getObject("declared_at",
                        OffsetDateTime.class)), instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        rs.getString("reviewed_by"), instant(rs.getObject("reviewed_at", OffsetDateTime.class)),
                        rs.getString("review_outcome") == null ? null : ReviewOutcome.valueOf(rs.getString("review_outcome")),
                        rs.getString("review_note"))).list();
    }

    @Transactional(readOnly = true)
    public int unreviewed(CustodianUser officer) {
        reviewer(officer);
        return jdbc.sql("SELECT count(*) FROM break_glass WHERE reviewed_at IS NULL").query(Integer.class).single();
    }

    /** Records the review; an inappropriate access also ends the emergency access at once. */
    @Transactional
    public void review(CustodianUser officer, UUID eventId, ReviewOutcome outcome, String note) {
        reviewer(officer);
        if (outcome == null) {
            throw new IllegalArgumentException("choose whether the access was appropriate");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw new IllegalArgumentException("the review note must be at most 2000 characters");
        }
        List<UUID> patient = jdbc.sql("""
                UPDATE break_glass SET reviewed_by = :by, reviewed_at = now(), review_outcome = :o, review_note = :n,
                       expires_at = CASE WHEN :o = 'INAPPROPRIATE' THEN least(expires_at, now()) ELSE expires_at END
                 WHERE id = :id AND reviewed_at IS NULL RETURNING patient_id""")
                .param("by", officer.getUsername()).param("o", outcome.name()).param("n", text).param("id", eventId)
                .query(UUID.class).list();
        if (patient.isEmpty()) {
            throw new IllegalArgumentException("there is no unreviewed emergency access " + eventId);
        }
        audit.record(new AuditEntry(officer.getUsername(), officer.rolesText(), AuditAction.REVIEW, AuditOutcome.SUCCESS,
                patient.getFirst(), "BreakGlass", eventId.toString(), outcome + (text.isEmpty() ? "" : ": " + text),
                RequestOrigin.clientAddress()));
    }

    private static void reviewer(CustodianUser user) {
        if (!user.can(Permission.REVIEW_PRIVACY)) {
            throw new PhiAccessDenied("role " + user.rolesText() + " does not allow " + Permission.REVIEW_PRIVACY);
        }
    }

    private static AuditEntry entry(CustodianUser user, AuditOutcome outcome, UUID patientId, UUID id, String detail) {
        return new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.EMERGENCY_ACCESS, outcome, patientId,
                "BreakGlass", id == null ? null : id.toString(), detail, RequestOrigin.clientAddress());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
