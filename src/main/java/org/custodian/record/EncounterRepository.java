package org.custodian.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The course of an encounter after admission: transfer, discharge and their cancellations. Each
 * change updates the encounter's current state and appends an {@code encounter_event} row with
 * what it replaced and where the change came from, so no earlier state is lost. Each change
 * publishes {@link RecordChanged}; a discharge also publishes {@link EncounterDischarged}.
 */
@Repository
public class EncounterRepository {
    /** The admitting and referring doctors of an encounter (HL7 PV1-17, PV1-8); either may be null. */
    public record Doctors(UUID admittingId, UUID referringId) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final RecordChanges changes;

    public EncounterRepository(JdbcClient jdbc, ApplicationEventPublisher events, RecordChanges changes) {
        this.jdbc = jdbc;
        this.events = events;
        this.changes = changes;
    }

    public Optional<Encounter> byVisitNumber(UUID facilityId, String visitNumber) {
        return jdbc.sql("SELECT * FROM encounter WHERE facility_id = :f AND visit_number = :v")
                .param("f", facilityId).param("v", visitNumber)
                .query(EncounterRepository::map)
                .optional();
    }

    /** A facility and one of its visit numbers. */
    public record Visit(UUID facilityId, String visitNumber) {
    }

    /** {@link #byVisitNumber} for many visits in one query: the encounters found (absent when none). */
    public java.util.Map<Visit, Encounter> byVisitNumbers(java.util.Collection<Visit> visits) {
        java.util.Map<Visit, Encounter> found = new java.util.HashMap<>();
        if (visits.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT e.* FROM encounter e JOIN unnest(:f::uuid[], :v::text[]) AS k(facility_id, visit_number)
                    ON e.facility_id = k.facility_id AND e.visit_number = k.visit_number""")
                .param("f", visits.stream().map(Visit::facilityId).toArray(UUID[]::new))
                .param("v", visits.stream().map(Visit::visitNumber).toArray(String[]::new))
                .query((rs, i) -> map(rs, i)).list()
                .forEach(e -> found.put(new Visit(e.facilityId(), e.visitNumber()), e));
        return found;
    }

    private static Encounter map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Encounter(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("facility_id", UUID.class), rs.getString("visit_number"),
                EncounterClass.valueOf(rs.getString("class")), instant(rs.getObject("admit_at", OffsetDateTime.class)),
                instant(rs.getObject("discharge_at", OffsetDateTime.class)), rs.getObject("attending_id", UUID.class),
                rs.getString("discharge_disposition"), rs.getString("reason"));
    }

    /**
     * Sets the admitting and referring doctors (HL7 PV1-17, PV1-8); a null keeps the one the encounter
     * has. True when either changed.
     */
    public boolean assignDoctors(Encounter encounter, UUID admittingId, UUID referringId) {
        if (admittingId == null && referringId == null) {
            return false;
        }
        int changed = jdbc.sql("""
                UPDATE encounter SET admitting_id = coalesce(:a, admitting_id), referring_id = coalesce(:r, referring_id)
                 WHERE id = :id AND (admitting_id IS DISTINCT FROM coalesce(:a, admitting_id)
                                     OR referring_id IS DISTINCT FROM coalesce(:r, referring_id))""")
                .param("a", admittingId).param("r", referringId).param("id", encounter.id()).update();
        if (changed > 0) {
            changes.changed(encounter.patientId());
        }
        return changed > 0;
    }

    /** The admitting and referring doctors of these encounters; encounters with neither are left out. */
    public Map<UUID, Doctors> doctors(Collection<UUID> encounterIds) {
        if (encounterIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Doctors> doctors = new HashMap<>();
        jdbc.sql("""
                SELECT id, admitting_id, referring_id FROM encounter
                 WHERE id = ANY(:ids) AND (admitting_id IS NOT NULL OR referring_id IS NOT NULL)""")
                .param("ids", encounterIds.toArray(UUID[]::new))
                .query(rs -> {
                    doctors.put(rs.getObject("id", UUID.class), new Doctors(rs.getObject("admitting_id", UUID.class),
                            rs.getObject("referring_id", UUID.class)));
                });
        return doctors;
    }

    /** Moves the patient to {@code location}; false, and nothing recorded, when that is where they already are. */
    public boolean transfer(Encounter encounter, String location, Instant at, Provenance provenance) {
        String previous = jdbc.sql("SELECT location FROM encounter WHERE id = :id").param("id", encounter.id())
                .query(String.class).optional().orElse(null);
        if (java.util.Objects.equals(previous, location)) {
            return false;
        }
        jdbc.sql("UPDATE encounter SET location = :l WHERE id = :id").param("l", location)
                .param("id", encounter.id()).update();
        event(encounter, "TRANSFERRED", at, previous, location, provenance);
        return true;
    }

    public void discharge(Encounter encounter, Instant at, String disposition, Provenance provenance) {
        if (at.isBefore(encounter.admitAt())) {
            throw new IllegalArgumentException("discharge " + at + " is before admission " + encounter.admitAt());
        }
        event(encounter, "DISCHARGED", at, null, null, provenance);
        jdbc.sql("UPDATE encounter SET discharge_at = :at, discharge_disposition = :d WHERE id = :id")
                .param("at", Timestamp.from(at)).param("d", disposition).param("id", encounter.id()).update();
        events.publishEvent(new EncounterDischarged(encounter.id(), encounter.patientId(), encounter.facilityId(), at));
    }

    public void cancelDischarge(Encounter encounter, Instant at, Provenance provenance) {
        event(encounter, "DISCHARGE_CANCELLED", at, null, null, provenance);
        jdbc.sql("UPDATE encounter SET discharge_at = NULL, discharge_disposition = NULL WHERE id = :id")
                .param("id", encounter.id()).update();
    }

    public void cancelAdmission(Encounter encounter, Instant at, Provenance provenance) {
        event(encounter, "ADMISSION_CANCELLED", at, null, null, provenance);
        jdbc.sql("UPDATE encounter SET cancelled_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", encounter.id()).update();
    }

    private void event(Encounter e, String event, Instant at, String previousLocation, String location,
                       Provenance prov) {
        jdbc.sql("""
                INSERT INTO encounter_event (encounter_id, patient_id, event, occurred_at, previous_location, location,
                    previous_discharge_at, previous_disposition, source_system, source_ref, received_at, recorded_by)
                VALUES (:e, :p, :event, :at, :pl, :l, :pd, :pdisp, :ss, :sr, :ra, :rb)""")
                .param("e", e.id()).param("p", e.patientId()).param("event", event)
                .param("at", RecordWriter.ts(at)).param("pl", previousLocation).param("l", location)
                .param("pd", RecordWriter.ts(e.dischargeAt())).param("pdisp", e.dischargeDisposition())
                .param("ss", prov.sourceSystem()).param("sr", prov.sourceRef())
                .param("ra", RecordWriter.ts(prov.receivedAt())).param("rb", prov.recordedBy())
                .update();
        changes.changed(e.patientId());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
