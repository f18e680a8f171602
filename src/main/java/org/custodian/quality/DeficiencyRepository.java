package org.custodian.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deficiencies (the chart-completion findings) and discharged charts, as workqueues. An encounter
 * retracted as entered in error is no chart to complete: neither it nor its deficiencies are listed,
 * even before the quality rules have re-checked the patient.
 */
@Repository
class DeficiencyRepository {
    /** The rules whose findings a physician must clear to complete a chart. */
    static final List<String> DEFICIENCY_RULES = List.of("DOCUMENT_UNSIGNED", "DISCHARGE_SUMMARY_MISSING", "HP_MISSING");
    private static final String RULES = "('DOCUMENT_UNSIGNED', 'DISCHARGE_SUMMARY_MISSING', 'HP_MISSING')";

    private final JdbcClient jdbc;

    DeficiencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Deficiency> open(Optional<UUID> responsible, Collection<UUID> facilities, Instant now, int delinquentAfterDays,
                          int limit) {
        return jdbc.sql("""
                SELECT f.id, f.rule_id, f.patient_id, p.given || ' ' || p.family AS patient_name, f.encounter_id,
                       e.visit_number, fa.code AS facility_code, e.discharge_at, f.document_id, f.responsible_id,
                       pr.given || ' ' || pr.family AS responsible_name, f.location, f.message, f.first_seen
                  FROM quality_finding f
                  JOIN patient p ON p.id = f.patient_id
                  LEFT JOIN encounter e ON e.id = f.encounter_id
                  LEFT JOIN facility fa ON fa.id = e.facility_id
                  LEFT JOIN practitioner pr ON pr.id = f.responsible_id
                 WHERE f.status = 'OPEN' AND f.rule_id IN %s
                   AND (CAST(:responsible AS uuid) IS NULL OR f.responsible_id = :responsible)
                   AND e.facility_id = ANY(:facilities) AND NOT e.entered_in_error
                 ORDER BY e.discharge_at NULLS LAST, f.first_seen
                 LIMIT :limit""".formatted(RULES))
                .param("responsible", responsible.orElse(null))
                .param("facilities", facilities.toArray(UUID[]::new))
                .param("limit", limit)
                .query((rs, n) -> deficiency(rs, now, delinquentAfterDays)).list();
    }

    List<ChartToReview> charts(Collection<UUID> facilities, Instant now, int delinquentAfterDays, boolean includeReviewedComplete,
                               int limit) {
        return jdbc.sql("""
                SELECT e.id, e.patient_id, p.given || ' ' || p.family AS patient_name, e.visit_number, fa.code, e.class,
                       e.discharge_at, pr.given || ' ' || pr.family AS attending_name, r.reviewed_by,
                       (SELECT count(*) FROM quality_finding f WHERE f.encounter_id = e.id AND f.status = 'OPEN'
                           AND f.rule_id IN %s) AS open_deficiencies
                  FROM encounter e
                  JOIN patient p ON p.id = e.patient_id
                  JOIN facility fa ON fa.id = e.facility_id
                  LEFT JOIN practitioner pr ON pr.id = e.attending_id
                  LEFT JOIN quality_chart_review r ON r.encounter_id = e.id
                 WHERE e.discharge_at IS NOT NULL AND e.discharge_at <= :now AND e.facility_id = ANY(:facilities)
                   AND NOT e.entered_in_error
                   AND ((e.class = 'INPATIENT' AND (:all OR r.encounter_id IS NULL))
                        OR EXISTS (SELECT 1 FROM quality_finding f WHERE f.encounter_id = e.id
                                    AND f.status = 'OPEN' AND f.rule_id IN %s))
                 ORDER BY e.discharge_at
                 LIMIT :limit""".formatted(RULES, RULES))
                .param("now", java.sql.Timestamp.from(now))
                .param("facilities", facilities.toArray(UUID[]::new))
                .param("all", includeReviewedComplete)
                .param("limit", limit)
                .query((rs, n) -> {
                    Instant discharged = FindingRepository.instant(rs, "discharge_at");
                    int open = rs.getInt("open_deficiencies");
                    long days = Duration.between(discharged, now).toDays();
                    CompletionStatus status = open == 0 ? CompletionStatus.COMPLETE
                            : days > delinquentAfterDays ? CompletionStatus.DELINQUENT : CompletionStatus.INCOMPLETE;
                    return new ChartToReview(FindingRepository.uuid(rs, "id"), FindingRepository.uuid(rs, "patient_id"),
                            rs.getString("patient_name"), rs.getString("visit_number"), rs.getString("code"),
                            rs.getString("class"), discharged, rs.getString("attending_name"), open, days, status,
                            rs.getString("reviewed_by"));
                }).list();
    }

    Optional<Deficiency> find(UUID findingId, Instant now, int delinquentAfterDays) {
        return jdbc.sql("""
                SELECT f.id, f.rule_id, f.patient_id, p.given || ' ' || p.family AS patient_name, f.encounter_id,
                       e.visit_number, fa.code AS facility_code, e.discharge_at, f.document_id, f.responsible_id,
                       pr.given || ' ' || pr.family AS responsible_name, f.location, f.message, f.first_seen
                  FROM quality_finding f
                  JOIN patient p ON p.id = f.patient_id
                  LEFT JOIN encounter e ON e.id = f.encounter_id
                  LEFT JOIN facility fa ON fa.id = e.facility_id
                  LEFT JOIN practitioner pr ON pr.id = f.responsible_id
                 WHERE f.id = :id""").param("id", findingId)
                .query((rs, n) -> deficiency(rs, now, delinquentAfterDays)).optional();
    }

    void markReviewed(UUID encounterId, String username, Instant at) {
        jdbc.sql("""
                INSERT INTO quality_chart_review (encounter_id, reviewed_by, reviewed_at) VALUES (:e, :u, :at)
                ON CONFLICT (encounter_id) DO UPDATE SET reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at""")
                .param("e", encounterId).param("u", username).param("at", java.sql.Timestamp.from(at)).update();
    }

    private static Deficiency deficiency(ResultSet rs, Instant now, int delinquentAfterDays) throws SQLException {
        Instant discharged = FindingRepository.instant(rs, "discharge_at");
        Instant firstSeen = FindingRepository.instant(rs, "first_seen");
        boolean delinquent = discharged != null && Duration.between(discharged, now).toDays() > delinquentAfterDays;
        return new Deficiency(FindingRepository.uuid(rs, "id"), rs.getString("rule_id"), FindingRepository.uuid(rs, "patient_id"),
                rs.getString("patient_name"), FindingRepository.uuid(rs, "encounter_id"), rs.getString("visit_number"),
                rs.getString("facility_code"), discharged, FindingRepository.uuid(rs, "document_id"),
                FindingRepository.uuid(rs, "responsible_id"), rs.getString("responsible_name"), rs.getString("location"),
                rs.getString("message"), firstSeen, Duration.between(firstSeen, now).toDays(), delinquent);
    }
}
