package org.custodian.quality;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored findings. {@link #reconcile} makes the store agree with what the rules found now for a
 * set of patients: new problems are opened, known ones updated in place, vanished ones resolved.
 * The writes, when there are any, go in one transaction (the caller's, if it has one); a check that
 * changes nothing, the usual case, is one read and no transaction.
 */
@Repository
class FindingRepository {
    static final String COLUMNS = "id, rule_id, subject, category, severity, patient_id, encounter_id, document_id,"
            + " facility_id, responsible_id, location, message, status, first_seen, changed_at, resolved_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    FindingRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record Reconciled(int opened, int resolved, int open) {
    }

    /**
     * The stored findings of some patients (by rule|subject) and their recorded rule failures
     * (rule|patient), filled in when the round trip they were added to has run.
     */
    static final class Stored {
        private final Collection<UUID> patients;
        private final Map<String, StoredFinding> known = new HashMap<>();
        private final Set<String> failedBefore = new HashSet<>();

        private Stored(Collection<UUID> patients) {
            this.patients = patients;
        }
    }

    /** Adds the read of these patients' stored findings and rule failures to {@code trip}. */
    static Stored read(RoundTrip trip, Collection<UUID> patients) {
        Stored stored = new Stored(List.copyOf(patients));
        UUID[] ids = patients.toArray(UUID[]::new);
        trip.add("SELECT " + COLUMNS + " FROM quality_finding WHERE patient_id = ANY(?)",
                rs -> stored.known.put(key(rs.getString("rule_id"), rs.getString("subject")), map(rs)), (Object) ids);
        trip.add("SELECT rule_id, patient_id FROM quality_rule_failure WHERE patient_id = ANY(?)",
                rs -> stored.failedBefore.add(rs.getString("rule_id") + "|" + uuid(rs, "patient_id")), (Object) ids);
        return stored;
    }

    /** Reconciles these patients, reading what is stored about them first (one round trip). */
    Reconciled reconcile(Collection<UUID> patients, List<Finding> found, List<RuleFailure> failures, Instant now) {
        RoundTrip trip = new RoundTrip();
        Stored stored = read(trip, patients);
        jdbc.execute((ConnectionCallback<Void>) con -> {
            trip.run(con);
            return null;
        });
        return reconcile(stored, found, failures, now);
    }

    /**
     * Makes the store agree with {@code found} for the patients of {@code stored}; findings of rules that
     * threw on a patient ({@code failures}) stay as they were.
     */
    Reconciled reconcile(Stored stored, List<Finding> found, List<RuleFailure> failures, Instant now) {
        Set<String> failed = new HashSet<>();
        failures.forEach(f -> failed.add(f.ruleId() + "|" + f.patientId()));
        Changes changes = changes(stored.known, failed, found, now);
        boolean failuresChanged = !stored.failedBefore.isEmpty() || !failures.isEmpty();
        if (!changes.isEmpty() || failuresChanged) {
            tx.executeWithoutResult(s -> {
                write(changes);
                if (failuresChanged) {
                    recordFailures(stored.patients, failures, now);
                }
            });
        }
        return changes.reconciled();
    }

    /**
     * Makes the stored findings of one rule about no patient's record (see {@link UnindexedScans})
     * agree with what it found now, across the whole installation.
     */
    Reconciled reconcileRule(String ruleId, List<Finding> found, Instant now) {
        Map<String, StoredFinding> known = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM quality_finding WHERE rule_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        known.put(key(rs.getString("rule_id"), rs.getString("subject")), map(rs)), ruleId);
        Changes changes = changes(known, Set.of(), found, now);
        write(changes);
        return changes.reconciled();
    }

    /** The rows to insert, update and resolve, and what that does to the counts. */
    private record Changes(List<Object[]> inserts, List<Object[]> updates, List<Object[]> resolutions,
                           Reconciled reconciled) {
        boolean isEmpty() {
            return inserts.isEmpty() && updates.isEmpty() && resolutions.isEmpty();
        }
    }

    /** What opens, updates and resolves against {@code known}; findings of a rule that failed on their patient are kept. */
    private Changes changes(Map<String, StoredFinding> known, Set<String> failed, List<Finding> found, Instant now) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int opened = 0;
        for (Finding f : found) {
            String key = key(f.ruleId(), f.subject());
            if (!seen.add(key)) {
                continue;
            }
            StoredFinding before = known.get(key);
            if (before == null) {
                opened++;
                inserts.add(new Object[] {UUID.randomUUID(), f.ruleId(), f.subject(), f.category().name(), f.severity().name(),
                        f.patientId(), f.encounterId(), f.documentId(), f.facilityId(), f.responsibleId(), f.location(),
                        f.message(), ts(now), ts(now)});
            } else if (before.status() == FindingStatus.RESOLVED || !before.finding().equals(f)) {
                if (before.status() == FindingStatus.RESOLVED) {
                    opened++;
                }
                updates.add(new Object[] {f.severity().name(), f.category().name(), f.patientId(), f.encounterId(),
                        f.documentId(), f.facilityId(), f.responsibleId(), f.location(), f.message(), ts(now), before.id()});
            }
        }
        List<Object[]> resolutions = new ArrayList<>();
        for (StoredFinding s : known.values()) {
            Finding f = s.finding();
            String key = key(f.ruleId(), f.subject());
            if (s.status() == FindingStatus.OPEN && !seen.contains(key) && !failed.contains(f.ruleId() + "|" + f.patientId())) {
                resolutions.add(new Object[] {ts(now), ts(now), s.id()});
            }
        }
        return new Changes(inserts, updates, resolutions, new Reconciled(opened, resolutions.size(), seen.size()));
    }

    private void write(Changes changes) {
        batch("""
                INSERT INTO quality_finding (id, rule_id, subject, category, severity, patient_id, encounter_id, document_id,
                    facility_id, responsible_id, location, message, status, first_seen, changed_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'OPEN',?,?)
                ON CONFLICT (rule_id, subject) DO UPDATE SET category = excluded.category, severity = excluded.severity,
                    patient_id = excluded.patient_id, encounter_id = excluded.encounter_id,
                    document_id = excluded.document_id, facility_id = excluded.facility_id,
                    responsible_id = excluded.responsible_id, message = excluded.message, location = excluded.location,
                    status = 'OPEN', resolved_at = NULL, changed_at = excluded.changed_at""", changes.inserts());
        batch("""
                UPDATE quality_finding SET severity = ?, category = ?, patient_id = ?, encounter_id = ?, document_id = ?,
                    facility_id = ?, responsible_id = ?, location = ?, message = ?, status = 'OPEN', resolved_at = NULL,
                    changed_at = ? WHERE id = ?""", changes.updates());
        batch("UPDATE quality_finding SET status = 'RESOLVED', resolved_at = ?, changed_at = ? WHERE id = ?",
                changes.resolutions());
    }

    /** Sends the rows, if any, as one batch (no round trip when there is nothing to write). */
    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private void recordFailures(Collection<UUID> patients, List<RuleFailure> failures, Instant now) {
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("DELETE FROM quality_rule_failure WHERE patient_id = ANY(?)");
            ps.setArray(1, con.createArrayOf("uuid", patients.toArray()));
            return ps;
        });
        jdbc.batchUpdate("INSERT INTO quality_rule_failure (rule_id, patient_id, message, failed_at) VALUES (?,?,?,?)"
                        + " ON CONFLICT (rule_id, patient_id) DO UPDATE SET message = excluded.message",
                failures.stream().map(f -> new Object[] {f.ruleId(), f.patientId(), f.message(), ts(now)}).toList());
    }

    List<StoredFinding> openForPatients(Collection<UUID> patients) {
        List<StoredFinding> found = new ArrayList<>();
        query("SELECT " + COLUMNS + " FROM quality_finding WHERE status = 'OPEN' AND patient_id = ANY(?)"
                + " ORDER BY rule_id, first_seen", patients, rs -> found.add(map(rs)));
        return found;
    }

    /** Every open finding, streamed in rule order (for exports of any size). */
    void eachOpen(java.util.function.Consumer<StoredFinding> each) {
        jdbc.query("SELECT " + COLUMNS + " FROM quality_finding WHERE status = 'OPEN' ORDER BY patient_id, rule_id, subject",
                rs -> {
                    each.accept(map(rs));
                });
    }

    private void query(String sql, Collection<UUID> ids, org.springframework.jdbc.core.RowCallbackHandler handler) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            Array array = con.createArrayOf("uuid", ids.toArray());
            ps.setArray(1, array);
            return ps;
        }, handler);
    }

    static StoredFinding map(ResultSet rs) throws SQLException {
        Finding f = new Finding(rs.getString("rule_id"), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), uuid(rs, "patient_id"), uuid(rs, "encounter_id"),
                uuid(rs, "document_id"), uuid(rs, "facility_id"), uuid(rs, "responsible_id"), rs.getString("subject"),
                rs.getString("location"), rs.getString("message"));
        return new StoredFinding(uuid(rs, "id"), f, FindingStatus.valueOf(rs.getString("status")),
                instant(rs, "first_seen"), instant(rs, "changed_at"), instant(rs, "resolved_at"));
    }

    private static String key(String rule, String subject) {
        return rule + "|" + Objects.requireNonNull(subject);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
