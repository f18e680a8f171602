package org.custodian.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the records of a type at a facility with their last activity: for an encounter its
 * discharge (or admission) or the latest document filed on it, whichever is later; for a release
 * packet the day it was produced (packets count for the facilities where the patient has an MRN).
 */
@Repository
class CandidateRepository {
    private static final String ENCOUNTERS = """
            SELECT e.id AS record_id, e.patient_id, p.birth_date, e.facility_id, f.code AS facility_code,
                   (e.admit_at AT TIME ZONE 'UTC')::date AS service_from,
                   (greatest(coalesce(e.discharge_at, e.admit_at),
                             (SELECT max(d.created_at) FROM document d WHERE d.encounter_id = e.id))
                       AT TIME ZONE 'UTC')::date AS last_activity,
                   (SELECT min(i.value) FROM patient_identifier i
                     WHERE i.patient_id = e.patient_id AND i.facility_id = e.facility_id) AS mrn
            FROM encounter e JOIN patient p ON p.id = e.patient_id JOIN facility f ON f.id = e.facility_id
            WHERE e.facility_id = :facility
            """;
    private static final String PACKETS = """
            SELECT k.id AS record_id, r.patient_id, p.birth_date, f.id AS facility_id, f.code AS facility_code,
                   r.received_on AS service_from, (k.produced_at AT TIME ZONE 'UTC')::date AS last_activity,
                   i.value AS mrn
            FROM roi_packet k JOIN roi_request r ON r.id = k.request_id JOIN patient p ON p.id = r.patient_id
            JOIN LATERAL (SELECT min(value) AS value FROM patient_identifier
                           WHERE patient_id = r.patient_id AND facility_id = :facility) i ON i.value IS NOT NULL
            JOIN facility f ON f.id = :facility
            """;

    /**
     * Raw messages sent by the facility (MSH-4 is its code), each with its replays: applied (accepted),
     * duplicates, and dead letters a replay has resolved; an unresolved dead letter, or a message in
     * any other state, is never a candidate. The patient is the one the audit trail says the message
     * (or its accepted replay) was applied to.
     */
    private static final String MESSAGES = """
            SELECT m.id AS record_id, a.patient_id, p.birth_date, f.id AS facility_id, f.code AS facility_code,
                   (m.received_at AT TIME ZONE 'UTC')::date AS service_from,
                   (greatest(m.received_at, (SELECT max(r.received_at) FROM hl7_message r WHERE r.replay_of = m.id))
                       AT TIME ZONE 'UTC')::date AS last_activity,
                   (SELECT min(i.value) FROM patient_identifier i
                     WHERE i.patient_id = a.patient_id AND i.facility_id = f.id) AS mrn
            FROM hl7_message m JOIN facility f ON f.id = :facility AND f.code = upper(btrim(m.sending_facility))
            LEFT JOIN LATERAL (SELECT e.patient_id FROM audit_event e
                                WHERE e.resource_type = 'HL7Message' AND e.patient_id IS NOT NULL
                                  AND e.resource_id IN (m.id::text, m.resolved_by::text) LIMIT 1) a ON true
            LEFT JOIN patient p ON p.id = a.patient_id
            WHERE m.replay_of IS NULL
              AND (m.status IN ('ACCEPTED', 'DUPLICATE') OR (m.status = 'REJECTED' AND m.resolved_by IS NOT NULL))
            """;

    /**
     * Raw messages whose sending facility (MSH-4) is no facility of ours (or missing): dead letters of
     * senders never set up, and what a replay resolved of them. They belong to no facility, so the
     * default raw-message schedule governs them, with the same states as {@link #MESSAGES}: a dead
     * letter still awaiting its replay is never a candidate.
     */
    private static final String MESSAGES_FROM_NO_FACILITY = """
            SELECT m.id AS record_id, a.patient_id, p.birth_date, CAST(NULL AS uuid) AS facility_id,
                   coalesce(nullif(btrim(m.sending_facility), ''), '(none)') AS facility_code,
                   (m.received_at AT TIME ZONE 'UTC')::date AS service_from,
                   (greatest(m.received_at, (SELECT max(r.received_at) FROM hl7_message r WHERE r.replay_of = m.id))
                       AT TIME ZONE 'UTC')::date AS last_activity,
                   (SELECT min(i.value) FROM patient_identifier i WHERE i.patient_id = a.patient_id) AS mrn
            FROM hl7_message m
            LEFT JOIN LATERAL (SELECT e.patient_id FROM audit_event e
                                WHERE e.resource_type = 'HL7Message' AND e.patient_id IS NOT NULL
                                  AND e.resource_id IN (m.id::text, m.resolved_by::text) LIMIT 1) a ON true
            LEFT JOIN patient p ON p.id = a.patient_id
            WHERE m.replay_of IS NULL
              AND NOT EXISTS (SELECT 1 FROM facility f WHERE f.code = upper(btrim(m.sending_facility)))
              AND (m.status IN ('ACCEPTED', 'DUPLICATE') OR (m.status = 'REJECTED' AND m.resolved_by IS NOT NULL))
            """;

    private final JdbcClient jdbc;

    CandidateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records whose last activity is before {@code cutoff} (nothing later can be past retention yet).
     * {@code facilityId} null: raw messages from senders that are no facility.
     */
    List<Candidate> lastActiveBefore(RecordType type, UUID facilityId, LocalDate cutoff) {
        return jdbc.sql("SELECT * FROM (" + sql(type, facilityId) + ") c WHERE c.last_activity < :cutoff"
                        + " ORDER BY c.last_activity, c.record_id")
                .param("facility", facilityId).param("cutoff", cutoff).query((rs, n) -> map(type, rs)).list();
    }

    Optional<Candidate> find(RecordType type, UUID facilityId, UUID recordId) {
        return jdbc.sql("SELECT * FROM (" + sql(type, facilityId) + ") c WHERE c.record_id = :id")
                .param("facility", facilityId).param("id", recordId).query((rs, n) -> map(type, rs)).optional();
    }

    private static String sql(RecordType type, UUID facilityId) {
        if (facilityId == null) {
            if (type != RecordType.RAW_MESSAGE) {
                throw new IllegalArgumentException(type.label() + " belong to a facility: choose one");
            }
            return MESSAGES_FROM_NO_FACILITY;
        }
        return switch (type) {
            case ENCOUNTER -> ENCOUNTERS;
            case ROI_PACKET -> PACKETS;
            case RAW_MESSAGE -> MESSAGES;
        };
    }

    private static Candidate map(RecordType type, ResultSet rs) throws SQLException {
        return new Candidate(type, rs.getObject("record_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("mrn"), rs.getObject("facility_id", UUID.class), rs.getString("facility_code"),
                rs.getObject("birth_date", LocalDate.class), rs.getObject("service_from", LocalDate.class),
                rs.getObject("last_activity", LocalDate.class));
    }
}
