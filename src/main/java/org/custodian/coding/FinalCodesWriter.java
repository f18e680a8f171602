package org.custodian.coding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.Encounter;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.custodian.record.RecordRetractions;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordWriter;
import org.custodian.terminology.CodeSystem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files finalised codes in the legal health record: each diagnosis (sequenced, principal first,
 * with its POA indicator) and procedure becomes a fact on the encounter, with the coder as its
 * provenance. Other modules then see the encounter as coded (quality's not-coded rule, analytics'
 * top codes) through the record's own change event.
 *
 * <p>Finalising again after the case was reopened makes the record hold the new coding only: a code
 * filed before that the coding no longer has, or whose sequence, principal flag, POA or date changed,
 * is retired (superseded): retracted in the record as entered in error ({@link RecordRetractions}; the
 * row stays, reads leave it out) and kept whole in {@code coding_retired_code} with who filed it, who
 * retired it, when and why. Coding retires only the facts it filed itself (source {@value #SOURCE}).
 * A line's new state after a retirement is filed under the line's next id, so ids stay stable.
 */
@Component
class FinalCodesWriter {
    static final String SOURCE = "Custodian coding";
    static final String REMOVED = "superseded: removed from the coding when the reopened case was finalised again";
    static final String CHANGED = "superseded: changed (sequence, principal, POA or date) when the reopened case was"
            + " finalised again";

    private final RecordWriter writer;
    private final JdbcClient jdbc;
    private final RecordRetractions retractions;
    private final ZoneId zone = ZoneId.systemDefault();

    FinalCodesWriter(RecordWriter writer, JdbcClient jdbc, RecordRetractions retractions) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.retractions = retractions;
    }

    /** What coding filed for one line, as the record holds it; equal when nothing that is filed differs. */
    private record Filed(UUID id, CodedLine.Kind kind, String code, String poa, Integer sequence, Boolean principal,
                         Instant performedAt) {
    }

    /**
     * Call inside the finalising transaction. Ids derive from the code lines, so a line finalised
     * again unchanged after the case was reopened is not filed twice; returns how many filed facts
     * were retired.
     */
    int file(Encounter encounter, List<CodedLine> lines, String coder) {
        Provenance provenance = Provenance.now(SOURCE, "encounter " + encounter.id(), coder);
        Map<UUID, Filed> wanted = new LinkedHashMap<>();
        Map<UUID, CodedLine> lineOf = new LinkedHashMap<>();
        int sequence = 1;
        java.util.Set<UUID> retiredIds = retiredIds(encounter.id());
        List<CodedLine> ordered = lines.stream().sorted(Comparator.comparing(CodedLine::principal).reversed()).toList();
        for (CodedLine line : ordered) {
            UUID id = currentId(line, retiredIds);
            lineOf.put(id, line);
            wanted.put(id, line.kind() == CodedLine.Kind.DIAGNOSIS
                    ? new Filed(id, line.kind(), line.display(), line.poa() == null ? null : line.poa().name(), sequence++,
                    line.principal(), null)
                    : new Filed(id, line.kind(), line.display(), null, null, null, performedAt(encounter, line)));
        }
        Map<UUID, Filed> filed = filed(encounter.id(), retiredIds);
        int retired = 0;
        Instant now = Instant.now();
        for (Filed before : filed.values()) {
            Filed after = wanted.get(before.id());
            if (after == null || !after.equals(before)) {
                retire(before, after == null ? REMOVED : CHANGED, coder, now);
                retired++;
                if (after != null) { // the line's new state goes under its next id
                    retiredIds.add(before.id());
                    CodedLine line = lineOf.remove(before.id());
                    UUID next = currentId(line, retiredIds);
                    wanted.remove(before.id());
                    wanted.put(next, new Filed(next, after.kind(), after.code(), after.poa(), after.sequence(),
                            after.principal(), after.performedAt()));
                    lineOf.put(next, line);
                }
            }
        }
        RecordWriter.Batch batch = writer.batch();
        for (Filed f : wanted.values()) {
            if (f.equals(filed.get(f.id()))) {
                continue;
            }
            CodedLine line = lineOf.get(f.id());
            CodedValue code = new CodedValue(uri(line.system()), line.display(), line.description());
            if (f.kind() == CodedLine.Kind.DIAGNOSIS) {
                batch.diagnosis(new Diagnosis(f.id(), encounter.patientId(), encounter.id(), code, line.poa(), f.sequence(),
                        line.principal(), encounter.admitAt(), null), provenance);
            } else {
                batch.procedure(new Procedure(f.id(), encounter.patientId(), encounter.id(), code, f.performedAt()),
                        provenance);
            }
        }
        batch.flush();
        return retired;
    }

    private Instant performedAt(Encounter encounter, CodedLine line) {
        return line.performedOn() == null ? encounter.admitAt() : line.performedOn().atStartOfDay(zone).toInstant();
    }

    /**
     * The id of the line's current fact: the first of its ids (the line's own, then numbered ones)
     * that coding has not retired; the first id is the one lines were always filed under.
     */
    private static UUID currentId(CodedLine line, java.util.Set<UUID> retiredIds) {
        UUID id = UUID.nameUUIDFromBytes(("coding/line/" + line.id()).getBytes(StandardCharsets.UTF_8));
        for (int n = 1; retiredIds.contains(id); n++) {
            id = UUID.nameUUIDFromBytes(("coding/line/" + line.id() + "/" + n).getBytes(StandardCharsets.UTF_8));
        }
        return id;
    }

    /** The facts coding filed on the encounter that the record holds retracted. */
    private java.util.Set<UUID> retiredIds(UUID encounterId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT id FROM diagnosis WHERE encounter_id = :e AND source_system = :s AND entered_in_error
                        UNION ALL
                        SELECT id FROM procedure_performed WHERE encounter_id = :e AND source_system = :s
                           AND entered_in_error""")
                .param("e", encounterId).param("s", SOURCE).query(UUID.class).list());
    }

    /** The facts coding filed on the encounter before and has not retired, by id. */
    private Map<UUID, Filed> filed(UUID encounterId, java.util.Set<UUID> retiredIds) {
        Map<UUID, Filed> filed = new LinkedHashMap<>();
        jdbc.sql("SELECT id, code, poa, sequence, principal FROM diagnosis WHERE encounter_id = :e AND source_system = :s")
                .param("e", encounterId).param("s", SOURCE)
                .query((rs, i) -> new Filed(rs.getObject("id", UUID.class), CodedLine.Kind.DIAGNOSIS, rs.getString("code"),
                        rs.getString("poa"), (Integer) rs.getObject("sequence"), rs.getBoolean("principal"), null))
                .list().stream().filter(f -> !retiredIds.contains(f.id())).forEach(f -> filed.put(f.id(), f));
        jdbc.sql("SELECT id, code, performed_at FROM procedure_performed WHERE encounter_id = :e AND source_system = :s")
                .param("e", encounterId).param("s", SOURCE)
                .query((rs, i) -> new Filed(rs.getObject("id", UUID.class), CodedLine.Kind.PROCEDURE, rs.getString("code"),
                        null, null, null, instant(rs.getTimestamp("performed_at"))))
                .list().stream().filter(f -> !retiredIds.contains(f.id())).forEach(f -> filed.put(f.id(), f));
        return filed;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Copies the filed fact whole into coding_retired_code and retracts it in the record. */
    private void retire(Filed f, String reason, String coder, Instant at) {
        boolean diagnosis = f.kind() == CodedLine.Kind.DIAGNOSIS;
        String table = diagnosis ? "diagnosis" : "procedure_performed";
        int copied = jdbc.sql("INSERT INTO coding_retired_code (fact_id, kind, patient_id, encounter_id, code_system, code,"
                        + " display, poa, sequence, principal, performed_at, filed_by, filed_at, retired_by, retired_at, reason)"
                        + " SELECT id, :kind, patient_id, encounter_id, code_system, code, display, "
                        + (diagnosis ? "poa, sequence, principal, NULL" : "NULL, NULL, NULL, performed_at")
                        + ", recorded_by, received_at, :by, :at, :reason FROM " + table + " WHERE id = :id")
                .param("kind", f.kind().name()).param("by", coder)
                .param("at", java.sql.Timestamp.from(at)).param("reason", reason).param("id", f.id()).update();
        if (copied != 1) {
            throw new IllegalStateException("could not retire " + f.kind().name().toLowerCase() + " " + f.code()
                    + " (" + f.id() + "): copied " + copied);
        }
        retractions.retract(diagnosis ? RecordVersions.Fact.DIAGNOSIS : RecordVersions.Fact.PROCEDURE, f.id(), reason,
                new Provenance(SOURCE, "coding retirement", at, coder));
    }

    /** Retired facts of an encounter as "code: reason (retired by)", oldest first. */
    List<String> retired(UUID encounterId) {
        return new ArrayList<>(jdbc.sql("SELECT code || ': ' || reason || ' (retired by ' || retired_by || ')'"
                        + " FROM coding_retired_code WHERE encounter_id = :e ORDER BY id")
                .param("e", encounterId).query(String.class).list());
    }

    static String uri(CodeSystem system) {
        return switch (system) {
            case ICD10CM -> "http://hl7.org/fhir/sid/icd-10-cm";
            case ICD10PCS -> "http://www.cms.gov/Medicare/Coding/ICD10";
            case HCPCS -> "urn:oid:2.16.840.1.113883.6.285";
        };
    }
}
