package org.custodian.training;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.record.EncounterClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sandbox holds: finished encounters of training facilities (not trainees' copies) and their
 * patients. Retracted facts (an encounter entered in error or cancelled, a note whose current version is
 * entered in error) are not part of the record and never become exercises.
 */
@Repository
class SandboxRepository {
    private final JdbcClient jdbc;

    SandboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SandboxEncounter> encounters(int limit) {
        return jdbc.sql("""
                SELECT e.id, e.patient_id, p.family || ', ' || p.given AS name, e.visit_number, e.class, e.admit_at,
                       e.discharge_at, e.reason, (SELECT count(*) FROM document d WHERE d.encounter_id = e.id
                          AND (SELECT v.status FROM document_version v WHERE v.document_id = d.id
                                ORDER BY v.version DESC LIMIT 1) <> 'ENTERED_IN_ERROR') AS documents
                  FROM encounter e JOIN facility f ON f.id = e.facility_id AND f.type = 'TRAINING'
                  JOIN patient p ON p.id = e.patient_id
                 WHERE e.discharge_at IS NOT NULL AND e.cancelled_at IS NULL AND NOT e.entered_in_error
                   AND NOT EXISTS (SELECT 1 FROM training_attempt a WHERE a.encounter_id = e.id)
                 ORDER BY (e.class = 'INPATIENT') DESC, documents DESC, e.admit_at DESC LIMIT :n""")
                .param("n", limit)
                .query((rs, i) -> new SandboxEncounter(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getString("name"), rs.getString("visit_number"),
                        EncounterClass.valueOf(rs.getString("class")), ExerciseRepository.instant(rs, "admit_at"),
                        ExerciseRepository.instant(rs, "discharge_at"), rs.getString("reason"), rs.getInt("documents")))
                .list();
    }

    /** Whether the encounter is a sandbox encounter: at a training facility and not retracted. */
    boolean inSandbox(UUID encounterId) {
        return jdbc.sql("""
                SELECT count(*) FROM encounter e JOIN facility f ON f.id = e.facility_id
                 WHERE e.id = :e AND f.type = 'TRAINING' AND NOT e.entered_in_error""")
                .param("e", encounterId).query(Integer.class).single() > 0;
    }

    /** Some sandbox patient with a finished encounter, for walkthrough links. */
    Optional<UUID> aPatient() {
        return jdbc.sql("""
                SELECT e.patient_id FROM encounter e JOIN facility f ON f.id = e.facility_id AND f.type = 'TRAINING'
                 WHERE e.discharge_at IS NOT NULL AND e.cancelled_at IS NULL AND NOT e.entered_in_error
                   AND NOT EXISTS (SELECT 1 FROM training_attempt a WHERE a.encounter_id = e.id)
                 ORDER BY e.admit_at, e.id LIMIT 1""")
                .query(UUID.class).optional();
    }

    long patients() {
        return jdbc.sql("""
                SELECT count(DISTINCT i.patient_id) FROM patient_identifier i
                  JOIN facility f ON f.id = i.facility_id AND f.type = 'TRAINING'""")
                .query(Long.class).single();
    }
}
