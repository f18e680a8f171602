package org.custodian.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the privacy officer watches, read from the audit trail: users opening records of patients
 * who share their surname, users who open far more records than peers in the same role, and failed
 * sign-ins by day. Looking is itself audited.
 */
@Service
public class PrivacyMonitor {
    /** A user whose distinct-patient count exceeds this multiple of their peers' median stands out. */
    static final double OUTLIER_FACTOR = 3.0;
    static final int OUTLIER_MINIMUM = 10;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PrivacyMonitor(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record SameSurname(String username, String displayName, UUID patientId, String patientName, int reads,
                              Instant lastRead) {
    }

    public record VolumeOutlier(String username, String roles, int patients, double peerMedian) {
    }

    public record DailyCount(LocalDate day, int count) {
    }

    public record FailedAccount(String username, int failures, Instant last) {
    }

    @Transactional(readOnly = true)
    public List<SameSurname> sameSurname(CustodianUser officer, Duration window) {
        allowed(officer, "same-surname access");
        return jdbc.sql("""
                SELECT a.username, u.display_name, a.patient_id, p.given || ' ' || p.family, count(*), max(a.occurred_at)
                  FROM audit_event a
                  JOIN app_user u ON u.username = a.username
                  JOIN patient p ON p.id = a.patient_id
                 WHERE a.action = 'READ' AND a.outcome = 'SUCCESS' AND a.occurred_at >= :since
                   AND lower(p.family) = lower(regexp_replace(trim(u.display_name), '^.*\\s', ''))
                 GROUP BY a.username, u.display_name, a.patient_id, p.given, p.family
                 ORDER BY max(a.occurred_at) DESC LIMIT 100""")
                .param("since", since(window))
                .query((rs, i) -> new SameSurname(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    /** Users whose count of distinct patients read is well above the median of users with the same roles. */
    @Transactional(readOnly = true)
    public List<VolumeOutlier> volumeOutliers(CustodianUser officer, Duration window) {
        allowed(officer, "access volume");
        return jdbc.sql("""
                WITH per_user AS (
                    SELECT username, roles, count(DISTINCT patient_id) AS patients FROM audit_event
                     WHERE action = 'READ' AND outcome = 'SUCCESS' AND patient_id IS NOT NULL AND occurred_at >= :since
                     GROUP BY username, roles),
                peers AS (
                    SELECT u.username, u.roles, u.patients,
                           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY o.patients)
                              FROM per_user o WHERE o.roles = u.roles AND o.username <> u.username) AS median
                      FROM per_user u)
                SELECT username, roles, patients, median FROM peers
                 WHERE median IS NOT NULL AND patients >= :minimum AND patients > :factor * median
                 ORDER BY patients DESC LIMIT 50""")
                .param("since", since(window)).param("minimum", OUTLIER_MINIMUM).param("factor", OUTLIER_FACTOR)
                .query((rs, i) -> new VolumeOutlier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4)))
                .list();
    }

    /** Failed sign-ins per day for the last {@code days} days, oldest first, days without failures included. */
    @Transactional(readOnly = true)
    public List<DailyCount> failedLoginsByDay(CustodianUser officer, int days) {
        allowed(officer, "failed sign-ins");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        for (int d = days - 1; d >= 0; d--) {
            counts.put(today.minusDays(d), 0);
        }
        jdbc.sql("""
                SELECT (occurred_at AT TIME ZONE 'UTC')::date, count(*) FROM audit_event
                 WHERE action = 'LOGIN_FAILED' AND occurred_at >= :since GROUP BY 1""")
                .param("since", Timestamp.from(today.minusDays(days - 1L).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query(rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    int count = rs.getInt(2);
                    counts.computeIfPresent(day, (k, v) -> v + count);
                });
        List<DailyCount> result = new ArrayList<>();
        counts.forEach((day, count) -> result.add(new DailyCount(day, count)));
        return result;
    }

    @Transactional(readOnly = true)
    public List<FailedAccount> failedAccounts(CustodianUser officer, Duration window) {
        allowed(officer, "failed sign-ins");
        return jdbc.sql("""
                SELECT username, count(*), max(occurred_at) FROM audit_event
                 WHERE action = 'LOGIN_FAILED' AND occurred_at >= :since
                 GROUP BY username ORDER BY count(*) DESC, max(occurred_at) DESC LIMIT 20""")
                .param("since", since(window))
                .query((rs, i) -> new FailedAccount(rs.getString(1), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    /** Records that the officer opened the dashboard (it shows patient names). */
    public void recordView(CustodianUser officer) {
        allowed(officer, "the privacy dashboard");
        audit.record(new AuditEntry(officer.getUsername(), officer.rolesText(), AuditAction.READ, AuditOutcome.SUCCESS,
                null, "PrivacyDashboard", null, "break-the-glass queue, unusual access, failed sign-ins",
                RequestOrigin.clientAddress()));
    }

    private static Timestamp since(Duration window) {
        return Timestamp.from(Instant.now().minus(window));
    }

    private static void allowed(CustodianUser user, String what) {
        if (!user.can(Permission.REVIEW_PRIVACY)) {
            throw new PhiAccessDenied("role " + user.rolesText() + " does not allow " + Permission.REVIEW_PRIVACY
                    + " (" + what + ")");
        }
    }
}
