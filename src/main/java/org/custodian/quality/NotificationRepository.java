package org.custodian.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {
    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open deficiencies with a responsible physician, their latest notice level and when it was sent (level 0: none yet). */
    List<Due> due() {
        return jdbc.sql("""
                SELECT f.id, f.responsible_id, f.location, f.message, e.visit_number,
                       coalesce(max(n.level), 0) AS level, max(n.sent_at) AS last_sent,
                       ARRAY(SELECT u.username FROM app_user u WHERE u.practitioner_id = f.responsible_id
                              ORDER BY u.username) AS accounts
                  FROM quality_finding f
                  LEFT JOIN encounter e ON e.id = f.encounter_id
                  LEFT JOIN quality_notification n ON n.finding_id = f.id
                 WHERE f.status = 'OPEN' AND f.responsible_id IS NOT NULL AND NOT coalesce(e.entered_in_error, false)
                   AND f.rule_id IN ('DOCUMENT_UNSIGNED', 'DISCHARGE_SUMMARY_MISSING', 'HP_MISSING')
                 GROUP BY f.id, f.responsible_id, f.location, f.message, e.visit_number""")
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("responsible_id", UUID.class),
                        rs.getString("visit_number"), rs.getString("message"), rs.getInt("level"),
                        FindingRepository.instant(rs, "last_sent"),
                        List.of((String[]) rs.getArray("accounts").getArray()))).list();
    }

    /** {@code accounts}: the user accounts that sign as the practitioner (their one link, {@code app_user.practitioner_id}). */
    record Due(UUID findingId, UUID practitionerId, String visitNumber, String message, int level, Instant lastSent,
               List<String> accounts) {
    }

    boolean insert(Notification n) {
        return jdbc.sql("""
                INSERT INTO quality_notification (id, practitioner_id, finding_id, level, message, sent_at)
                VALUES (:id, :p, :f, :level, :message, :at) ON CONFLICT (finding_id, level) DO NOTHING""")
                .param("id", n.id()).param("p", n.practitionerId()).param("f", n.findingId()).param("level", n.level())
                .param("message", n.message()).param("at", Timestamp.from(n.sentAt())).update() == 1;
    }

    /** Notices about deficiencies still open, newest first. */
    List<Notification> forPractitioner(UUID practitionerId, int limit) {
        return jdbc.sql("""
                SELECT n.* FROM quality_notification n JOIN quality_finding f ON f.id = n.finding_id
                 WHERE n.practitioner_id = :p AND f.status = 'OPEN' ORDER BY n.sent_at DESC, n.level DESC LIMIT :limit""")
                .param("p", practitionerId).param("limit", limit)
                .query((rs, i) -> new Notification(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                        rs.getObject("finding_id", UUID.class), rs.getInt("level"), rs.getString("message"),
                        FindingRepository.instant(rs, "sent_at"), FindingRepository.instant(rs, "read_at"))).list();
    }

    void markRead(UUID practitionerId, Instant at) {
        jdbc.sql("UPDATE quality_notification SET read_at = :at WHERE practitioner_id = :p AND read_at IS NULL")
                .param("at", Timestamp.from(at)).param("p", practitionerId).update();
    }
}
