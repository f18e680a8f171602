package org.custodian.quality;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Scanning QA: a scanned document uploaded but still not indexed to a patient and encounter after
 * {@code custodian.quality.index-scans-within-days} is a finding. It is in no chart yet, so it is
 * checked over the scan backlog rather than patient by patient: in every full scan and the daily run,
 * and when a record changes (filing a scan is one) findings of scans filed since are resolved.
 * Reads {@code scan_document} only; the scanning module remains its writer.
 */
@Repository
class UnindexedScans {
    static final String RULE_ID = "SCAN_UNINDEXED";
    static final String TITLE = "Scanned document not indexed to a chart within the policy days";

    private final JdbcClient jdbc;
    private final FindingRepository findings;
    private final QualityProperties properties;

    UnindexedScans(JdbcClient jdbc, FindingRepository findings, QualityProperties properties) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.properties = properties;
    }

    static QualityScans.RuleInfo info() {
        return new QualityScans.RuleInfo(RULE_ID, Category.TIMELINESS, Severity.WARNING, TITLE);
    }

    /** Opens a finding for every scan overdue at {@code now} and resolves those filed since; in the caller's transaction. */
    FindingRepository.Reconciled check(Instant now) {
        return findings.reconcileRule(RULE_ID, overdue(now), now);
    }

    /** Resolves the open findings of scans that are no longer waiting (one statement); returns how many. */
    int resolveFiled(Instant now) {
        return jdbc.sql("""
                UPDATE quality_finding f SET status = 'RESOLVED', resolved_at = :now, changed_at = :now
                 WHERE f.rule_id = :rule AND f.status = 'OPEN'
                   AND NOT EXISTS (SELECT 1 FROM scan_document s
                                    WHERE s.id = CAST(f.subject AS uuid) AND s.status = 'UNINDEXED')""")
                .param("now", Timestamp.from(now)).param("rule", RULE_ID).update();
    }

    List<Finding> overdue(Instant now) {
        int days = properties.indexScansWithinDays();
        return jdbc.sql("""
                SELECT s.id, s.facility_id, s.original_name, s.media_type, s.pages, s.uploaded_by, s.uploaded_at
                  FROM scan_document s
                 WHERE s.status = 'UNINDEXED' AND s.uploaded_at <= :due
                 ORDER BY s.uploaded_at, s.id""")
                .param("due", Timestamp.from(now.minus(Duration.ofDays(days))))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Instant uploaded = FindingRepository.instant(rs, "uploaded_at");
                    int pages = rs.getInt("pages");
                    long waiting = Duration.between(uploaded, now).toDays();
                    return new Finding(RULE_ID, Category.TIMELINESS, Severity.WARNING, null, null, null,
                            rs.getObject("facility_id", UUID.class), null, id.toString(),
                            "Scanned file '" + rs.getString("original_name") + "' (" + rs.getString("media_type") + ", "
                                    + pages + (pages == 1 ? " page" : " pages") + ", scan " + id + ") in the indexing queue",
                            "Uploaded by " + rs.getString("uploaded_by") + " " + waiting + " days ago ("
                                    + uploaded.toString().substring(0, 10) + ") and still not indexed to a patient and"
                                    + " encounter; scans are due to be indexed within " + days + " days.");
                }).list();
    }
}
