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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stored findings. {@link #reconcile} makes the store agree with what the rules found now for a
 * set of patients: new problems are opened, known ones updated in place, vanished ones resolved.
 */
@Repository
class FindingRepository {
    static final String COLUMNS = "id, rule_id, subject, category, severity, patient_id, encounter_id, document_id,"
            + " facility_id, responsible_id, location, message, status, first_seen, changed_at, resolved_at";

    private final JdbcTemplate jdbc;

    FindingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Reconciled(int opened, int resolved, int open) {
    }

    /**
     * @param failed rule id + "|" + patient id of rules that threw: their earlier findings stay as they were
     */
    Reconciled reconcile(Collection<UUID> patients, List<Finding> found, List<RuleFailure> failures, Instant now) {
        Map<String, StoredFinding> known = new HashMap<>();
        Set<String> failedBefore = new HashSet<>();
        stored(patients, known, failedBefore);
        Set<String> failed = new HashSet<>();
        failures.forEach(f -> failed.add(f.ruleId() + "|" + f.patientId()));
        Reconciled reconciled = apply(known, failed, found, now);
        if (!failedBefore.isEmpty() || !failures.isEmpty()) {
            recordFailures(patients, failures, now);
        }
        return reconciled;
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
        return apply(known, Set.of(), found, now);
    }

    /** Opens, updates and resolves against {@code known}; findings of a rule that failed on their patient are kept. */
    private Reconciled apply(Map<String, StoredFinding> known, Set<String> failed, List<Finding> found, Instant now) {
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
        batch("""
                INSERT INTO quality_finding (id, rule_id, subject, category, severity, patient_id, encounter_id, document_id,
                    facility_id, responsible_id, location, message, status, first_seen, changed_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'OPEN',?,?)
                ON CONFLICT (rule_id, subject) DO UPDATE SET category = excluded.category, severity = excluded.severity,
                    patient_id = excluded.patient_id, encounter_id = excluded.encounter_id,
                    document_id = excluded.document_id, facility_id = excluded.facility_id,
                    responsible_id = excluded.responsible_id, message = excluded.message, location = excluded.location,
                    status = 'OPEN', resolved_at = NULL, changed_at = excluded.changed_at""", inserts);
        batch("""
                UPDATE quality_finding SET severity = ?, category = ?, patient_id = ?, encounter_id = ?, document_id = ?,
                    facility_id = ?, responsible_id = ?, location = ?, message = ?, status = 'OPEN', resolved_at = NULL,
                    changed_at = ? WHERE id = ?""", updates);
        batch("UPDATE quality_finding SET status = 'RESOLVED', resolved_at = ?, changed_at = ? WHERE id = ?",
                resolutions);
        return new Reconciled(opened, resolutions.size(), seen.size());
    }

    /** Sends the rows, if any, as one batch (no round trip when there is nothing to write). */
    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /**
     * The stored findings of these patients (by rule|subject) and their recorded rule failures
     * (rule|patient), in one round trip.
     */
    private void stored(Collection<UUID> patients, Map<String, StoredFinding> known, Set<String> failed) {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
            try (PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS
                    + " FROM quality_finding WHERE patient_id = ANY(?);"
                    + " SELECT rule_id, patient_id FROM quality_rule_failure WHERE patient_id = ANY(?)")) {
                Array ids = con.createArrayOf("uuid", patients.toArray());
                ps.setArray(1, ids);
                ps.setArray(2, ids);
                ps.execute();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        known.put(key(rs.getString("rule_id"), rs.getString("subject")), map(rs));
                    }
                }
                ps.getMoreResults();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        failed.add(rs.getString("rule_id") + "|" + uuid(rs, "patient_id"));
                    }
                }
            }
            return null;
        });
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
