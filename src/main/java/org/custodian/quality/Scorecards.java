package org.custodian.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Chart-completion scorecards from the stored findings; aggregates only, no patient is named. */
@Service
public class Scorecards {
    static final int WINDOW_DAYS = 90;
    static final int TREND_WEEKS = 12;
    private static final String OPEN_AT = """
            EXISTS (SELECT 1 FROM quality_finding f WHERE f.encounter_id = e.id
                     AND f.rule_id IN ('DOCUMENT_UNSIGNED', 'DISCHARGE_SUMMARY_MISSING', 'HP_MISSING')
                     AND f.first_seen <= %1$s AND (f.resolved_at IS NULL OR f.resolved_at > %1$s))""";

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final QualityProperties properties;
    private final Clock clock;

    Scorecards(JdbcClient jdbc, AccessPolicy policy, QualityProperties properties, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Scorecard scorecard(CustodianUser user) {
        if (policy.decide(user, Permission.VIEW_QUALITY) instanceof AccessDecision.Deny deny) {
            throw new QualityAccessDenied(deny.reason());
        }
        return scorecard(user.facilityIds(), clock.instant());
    }

    Scorecard scorecard(Collection<UUID> facilities, Instant now) {
        UUID[] scope = facilities.toArray(UUID[]::new);
        return new Scorecard(now, WINDOW_DAYS, properties.delinquentAfterDays(),
                rows("fa.code", scope, now), rows("initcap(lower(e.class))", scope, now),
                rows("coalesce(pr.given || ' ' || pr.family, '(no attending)')", scope, now), ages(scope, now),
                trend(scope, now));
    }

    private List<Scorecard.Row> rows(String group, UUID[] scope, Instant now) {
        return jdbc.sql("""
                WITH d AS (
                    SELECT %s AS grp, e.discharge_at, %s AS incomplete
                      FROM encounter e
                      JOIN facility fa ON fa.id = e.facility_id
                      LEFT JOIN practitioner pr ON pr.id = e.attending_id
                     WHERE e.discharge_at > :from AND e.discharge_at <= :now AND e.facility_id = ANY(:scope)
                       AND NOT e.entered_in_error)
                SELECT grp, count(*) AS discharges, count(*) FILTER (WHERE NOT incomplete) AS complete,
                       count(*) FILTER (WHERE incomplete AND discharge_at < :deadline) AS delinquent
                  FROM d GROUP BY grp ORDER BY grp""".formatted(group, OPEN_AT.formatted("CAST(:now AS timestamptz)")))
                .param("from", Timestamp.from(now.minus(Duration.ofDays(WINDOW_DAYS))))
                .param("now", Timestamp.from(now)).param("scope", scope)
                .param("deadline", Timestamp.from(now.minus(Duration.ofDays(properties.delinquentAfterDays()))))
                .query((rs, n) -> new Scorecard.Row(rs.getString("grp"), rs.getInt("discharges"), rs.getInt("complete"),
                        rs.getInt("delinquent"))).list();
    }

    private List<Scorecard.AgeBucket> ages(UUID[] scope, Instant now) {
        int late = properties.delinquentAfterDays();
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE days <= 7) AS a, count(*) FILTER (WHERE days BETWEEN 8 AND 14) AS b,
                       count(*) FILTER (WHERE days BETWEEN 15 AND :late) AS c, count(*) FILTER (WHERE days > :late) AS d
                  FROM (SELECT extract(day FROM CAST(:now AS timestamptz) - coalesce(e.discharge_at, f.first_seen)) AS days
                          FROM quality_finding f JOIN encounter e ON e.id = f.encounter_id
                         WHERE f.status = 'OPEN' AND e.facility_id = ANY(:scope) AND NOT e.entered_in_error
                           AND f.rule_id IN ('DOCUMENT_UNSIGNED', 'DISCHARGE_SUMMARY_MISSING', 'HP_MISSING')) x""")
                .param("now", Timestamp.from(now)).param("scope", scope).param("late", late)
                .query((rs, n) -> List.of(new Scorecard.AgeBucket("0–7 days", rs.getInt("a")),
                        new Scorecard.AgeBucket("8–14 days", rs.getInt("b")),
                        new Scorecard.AgeBucket("15–" + late + " days", rs.getInt("c")),
                        new Scorecard.AgeBucket("over " + late + " days", rs.getInt("d")))).single();
    }

    private List<Scorecard.TrendPoint> trend(UUID[] scope, Instant now) {
        return jdbc.sql("""
                SELECT t.at, count(e.id) AS discharges,
                       count(e.id) FILTER (WHERE %s) AS incomplete,
                       count(e.id) FILTER (WHERE e.discharge_at < t.at - make_interval(days => :late) AND %s) AS delinquent
                  FROM generate_series(CAST(:start AS timestamptz), CAST(:now AS timestamptz), interval '7 days') t(at)
                  LEFT JOIN encounter e ON e.discharge_at > t.at - make_interval(days => :window) AND e.discharge_at <= t.at
                                       AND e.facility_id = ANY(:scope) AND NOT e.entered_in_error
                 GROUP BY t.at ORDER BY t.at""".formatted(OPEN_AT.formatted("t.at"), OPEN_AT.formatted("t.at")))
                .param("start", Timestamp.from(now.minus(Duration.ofDays(7L * (TREND_WEEKS - 1)))))
                .param("now", Timestamp.from(now)).param("scope", scope)
                .param("late", properties.delinquentAfterDays()).param("window", WINDOW_DAYS)
                .query((rs, n) -> new Scorecard.TrendPoint(FindingRepository.instant(rs, "at"), rs.getInt("discharges"),
                        rs.getInt("incomplete"), rs.getInt("delinquent"))).list();
    }
}
