package org.custodian.coding;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coding productivity and accuracy for the user's facilities, over a period of days (server time zone). */
@Service
public class CodingMetrics {
    public static final int MAX_DAYS = 366;

    private final CodingAccess access;
    private final JdbcClient jdbc;

    CodingMetrics(CodingAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Transactional
    public CodingFigures figures(CustodianUser user, LocalDate from, LocalDate to) {
        access.require(user, Permission.AUDIT_CODING, "coding productivity figures");
        if (to.isBefore(from)) {
            throw new CodingRefused("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new CodingRefused("a period is at most " + MAX_DAYS + " days");
        }
        String zone = ZoneId.systemDefault().getId();
        java.util.UUID[] scope = user.facilityIds().toArray(java.util.UUID[]::new);
        var inPeriod = """
                 FROM coding_case c WHERE c.coded_at IS NOT NULL AND c.facility_id = ANY(:scope)
                  AND (c.coded_at AT TIME ZONE :zone)::date BETWEEN :from AND :to""";
        List<CodingFigures.CoderDay> days = jdbc.sql("SELECT c.coded_by, (c.coded_at AT TIME ZONE :zone)::date AS day,"
                        + " count(*) AS n " + inPeriod + " GROUP BY 1, 2 ORDER BY 2, 1")
                .param("scope", scope).param("zone", zone).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new CodingFigures.CoderDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .list();
        List<CodingFigures.Coder> coders = jdbc.sql("""
                SELECT c.coded_by, count(*) AS coded,
                       count(DISTINCT date_trunc('hour', c.coded_at AT TIME ZONE :zone)) AS hours,
                       count(DISTINCT (c.coded_at AT TIME ZONE :zone)::date) AS days,
                       count(a.encounter_id) AS audits, coalesce(sum(a.agreed), 0) AS agreed,
                       coalesce(sum(a.original_only), 0) AS original_only, coalesce(sum(a.audit_only), 0) AS audit_only
                """ + inPeriod.replace("FROM coding_case c", "FROM coding_case c LEFT JOIN coding_audit a"
                        + " ON a.encounter_id = c.encounter_id AND a.completed_at IS NOT NULL") + " GROUP BY 1 ORDER BY 1")
                .param("scope", scope).param("zone", zone).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new CodingFigures.Coder(rs.getString("coded_by"), rs.getInt("coded"), rs.getInt("hours"),
                        rs.getInt("days"), new CodingFigures.Agreement(rs.getInt("audits"), rs.getInt("agreed"),
                        rs.getInt("original_only"), rs.getInt("audit_only"))))
                .list();
        CodingFigures.Acceptance acceptance = jdbc.sql("""
                SELECT count(*) FILTER (WHERE s.decision = 'ACCEPTED'), count(*) FILTER (WHERE s.decision = 'EDITED'),
                       count(*) FILTER (WHERE s.decision = 'REJECTED')
                  FROM suggestion_decision s JOIN coding_case c ON c.encounter_id = s.encounter_id
                 WHERE c.facility_id = ANY(:scope) AND (s.decided_at AT TIME ZONE :zone)::date BETWEEN :from AND :to""")
                .param("scope", scope).param("zone", zone).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new CodingFigures.Acceptance(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
        CodingFigures.Agreement agreement = jdbc.sql("""
                SELECT count(*), coalesce(sum(a.agreed), 0), coalesce(sum(a.original_only), 0), coalesce(sum(a.audit_only), 0)
                  FROM coding_audit a JOIN coding_case c ON c.encounter_id = a.encounter_id
                 WHERE a.completed_at IS NOT NULL AND c.facility_id = ANY(:scope)
                   AND (a.completed_at AT TIME ZONE :zone)::date BETWEEN :from AND :to""")
                .param("scope", scope).param("zone", zone).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new CodingFigures.Agreement(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
        access.record(user, AuditAction.READ, AuditOutcome.SUCCESS, null, null,
                "coding productivity " + from + " to " + to);
        return new CodingFigures(from, to, days, coders, acceptance, agreement);
    }
}
