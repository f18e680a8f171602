package org.custodian.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes one record and every row that depends on it, children first, inside the caller's
 * transaction. The dependants are found from the schema's foreign keys, so a table a later
 * migration adds under an encounter or a document is destroyed with it rather than blocking.
 * Tables that point at clinical rows without a foreign key (versions of corrected facts, quality
 * findings) are named here. Returns the rows deleted per table.
 */
@Component
class RecordDestroyer {
    private record ForeignKey(String child, String childColumns, String parentColumns) {
    }

    /** Rows that only say who a patient is or who may see them: they go with the demographics. */
    private static final Set<String> IDENTITY = Set.of("patient_identifier", "patient_version", "sensitivity_label",
            "patient_restriction", "break_glass", "mpi_identity", "mpi_review_task", "mpi_overlay_flag");

    private final JdbcClient jdbc;
    private final Map<String, List<ForeignKey>> referencing = new ConcurrentHashMap<>();

    RecordDestroyer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> destroy(RecordType type, UUID recordId) {
        // lets the append-only trigger accept these deletes, for this transaction only
        jdbc.sql("SELECT set_config('custodian.destruction', 'approved', true)").query(String.class).single();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String id = "'" + recordId + "'::uuid";
        switch (type) {
            case ENCOUNTER -> {
                String documents = "id IN (WITH RECURSIVE d AS (SELECT id FROM document WHERE encounter_id = " + id
                        + " UNION SELECT a.id FROM document a JOIN d ON a.addendum_to = d.id) SELECT id FROM d)";
                String facts = "fact_id = " + id
                        + " OR fact_id IN (SELECT id FROM diagnosis WHERE encounter_id = " + id + ")"
                        + " OR fact_id IN (SELECT id FROM procedure_performed WHERE encounter_id = " + id + ")"
                        + " OR fact_id IN (SELECT id FROM observation WHERE encounter_id = " + id + ")";
                delete("fact_version", facts, counts);
                delete("fact_retraction", facts, counts); // who retracted what, keyed by fact id without a foreign key
                delete("quality_finding", "encounter_id = " + id + " OR document_id IN (SELECT id FROM document WHERE "
                        + documents + ")", counts);
                delete("quality_chart_review", "encounter_id = " + id, counts);
                delete("document", documents, counts);
                delete("encounter", "id = " + id, counts);
            }
            case ROI_PACKET -> delete("roi_packet", "id = " + id, counts);
            // the message and its replays in one statement: they point at each other
            case RAW_MESSAGE -> delete("hl7_message", "id = " + id + " OR replay_of = " + id, counts);
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /**
     * The patient's demographics (and the rows that only say who they are, or who may see them), once
     * nothing else of the patient is left: no encounter, fact, document, release request, disclosure,
     * amendment, scan, legal hold, merge or any other row that points at the patient. Returns the rows
     * deleted per table, or nothing when something of the patient remains.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Map<String, Integer>> destroyDemographicsIfNothingElseRemains(UUID patientId) {
        String id = "'" + patientId + "'::uuid";
        for (ForeignKey fk : referencing("patient")) {
            if (!IDENTITY.contains(fk.child()) && jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + fk.child() + " WHERE ("
                    + fk.childColumns() + ") IN (SELECT " + fk.parentColumns() + " FROM patient WHERE id = " + id
                    + "))").query(Boolean.class).single()) {
                return Optional.empty();
            }
        }
        jdbc.sql("SELECT set_config('custodian.destruction', 'approved', true)").query(String.class).single();
        Map<String, Integer> counts = new LinkedHashMap<>();
        delete("patient", "id = " + id, counts);
        counts.values().removeIf(n -> n == 0);
        return Optional.of(counts);
    }

    /** Deletes the rows of {@code table} matching {@code where}, after every row referencing them. */
    private void delete(String table, String where, Map<String, Integer> counts) {
        delete(table, where, counts, 0);
    }

    private void delete(String table, String where, Map<String, Integer> counts, int depth) {
        if (depth > 12) {
            throw new IllegalStateException("foreign keys under " + table + " form a cycle; destruction refused");
        }
        for (ForeignKey fk : referencing(table)) {
            if (fk.child().equals(table)) {
                continue; // self-references (addenda) are inside the same set, deleted by one statement
            }
            delete(fk.child(), "(" + fk.childColumns() + ") IN (SELECT " + fk.parentColumns() + " FROM " + table
                    + " WHERE " + where + ")", counts, depth + 1);
        }
        int deleted = jdbc.sql("DELETE FROM " + table + " WHERE " + where).update();
        counts.merge(table, deleted, Integer::sum);
    }

    private List<ForeignKey> referencing(String table) {
        return referencing.computeIfAbsent(table, t -> jdbc.sql("""
                SELECT c.conrelid::regclass::text AS child,
                       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
                          FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS child_columns,
                       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
                          FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS parent_columns
                FROM pg_constraint c
                WHERE c.contype = 'f' AND c.confrelid = to_regclass(?)
                ORDER BY 1
                """).param(t).query((rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    /** "diagnosis 2, document 1" for the tombstone. */
    static String describe(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
