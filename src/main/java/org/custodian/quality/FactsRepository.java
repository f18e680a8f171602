package org.custodian.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.quality.FactTables.FactTable;
import org.custodian.quality.rules.NotePrints;
import org.custodian.quality.rules.PatientFacts;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads patients' records, as stored, for the rules: a few patients by id (the incremental check) or
 * one range of patient ids (a full scan's chunk). Either way every table's query goes in one round
 * trip on the caller's connection (a second one only for facts filed on another patient's encounter);
 * in a range, each table is read by its patient index, with no sort. The record itself is only read (the
 * record module's writers remain its only writers); what is written is the copy-paste prints of document
 * versions read for the first time ({@code quality_note_prints}), derived from their bodies once.
 */
@Repository
class FactsRepository {
    private final JdbcTemplate jdbc;

    FactsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Patient ids {@code from} to {@code to}, both included, in PostgreSQL's uuid order. */
    record PatientRange(UUID from, UUID to) {
    }

    int patientCount() {
        return jdbc.queryForObject("SELECT count(*) FROM patient", Integer.class);
    }

    /** Every patient, in ranges of {@code size} patients (the last one may be smaller). */
    List<PatientRange> ranges(int size) {
        List<UUID> ids = jdbc.queryForList("SELECT id FROM patient ORDER BY id", UUID.class);
        List<PatientRange> ranges = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            ranges.add(new PatientRange(ids.get(from), ids.get(Math.min(ids.size(), from + size) - 1)));
        }
        return ranges;
    }

    /** The records of these patients (those that exist), by patient id. */
    Map<UUID, PatientFacts> load(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.execute((ConnectionCallback<Map<UUID, PatientFacts>>) con -> {
            RoundTrip trip = new RoundTrip();
            Reading reading = read(trip, patientIds);
            trip.run(con);
            return reading.records(con);
        });
    }

    /** The records of the patients in this range, by patient id. */
    Map<UUID, PatientFacts> load(PatientRange range) {
        return jdbc.execute((ConnectionCallback<Map<UUID, PatientFacts>>) con -> {
            RoundTrip trip = new RoundTrip();
            Reading reading = new Reading(trip, "$patient BETWEEN ? AND ?", range.from(), range.to());
            trip.run(con);
            return reading.records(con);
        });
    }

    /** Adds the reads of these patients' records to {@code trip}; once it has run, {@link Reading#records} builds them. */
    static Reading read(RoundTrip trip, Collection<UUID> patientIds) {
        return new Reading(trip, "$patient = ANY(?)", (Object) patientIds.toArray(UUID[]::new));
    }

    /** Every table's rows for a patient filter, gathered by patient as the round trip reads them. */
    static final class Reading {
        private final Map<UUID, RecordBuilder> builders = new LinkedHashMap<>();

        private Reading(RoundTrip trip, String filter, Object... parameters) {
            TextColumns patients = new TextColumns();
            trip.add(FactTables.PATIENTS.sql(filter), rs -> {
                RecordBuilder b = new RecordBuilder(FactTables.patient(patients.read(rs)));
                builders.put(b.patientId(), b);
            }, parameters);
            for (FactTable t : FactTables.TABLES) {
                TextColumns text = new TextColumns();
                trip.add(t.sql(filter), rs -> {
                    String[] row = text.read(rs);
                    RecordBuilder b = builders.get(UUID.fromString(row[0]));
                    if (b != null) {
                        t.reader().read(row, rs, b);
                    }
                }, parameters);
            }
        }

        /**
         * The records read, facts filed on others' encounters given their owners, notes without stored prints
         * their prints (from their bodies, then stored), notes sharing a fingerprint their shingles (one more
         * query each, only when there are any).
         */
        Map<UUID, PatientFacts> records(Connection con) throws SQLException {
            Set<UUID> encounters = new HashSet<>();
            Set<UUID> documents = new HashSet<>();
            Set<RecordBuilder.VersionKey> notes = new HashSet<>();
            builders.values().forEach(b -> {
                b.unknownEncounters(encounters);
                b.unknownDocuments(documents);
            });
            Map<UUID, UUID> encounterOwners = owners(con, "encounter", encounters);
            Map<UUID, UUID> documentOwners = owners(con, "document", documents);
            Set<RecordBuilder.VersionKey> unprinted = new HashSet<>();
            builders.values().forEach(b -> b.printsMissing(unprinted));
            if (!unprinted.isEmpty()) {
                Map<RecordBuilder.VersionKey, NotePrints> fromBodies = printsFromBodies(con, unprinted);
                builders.values().forEach(b -> {
                    b.computed(fromBodies);
                    b.shinglesNeeded(notes);
                });
            } else {
                builders.values().forEach(b -> b.shinglesNeeded(notes));
            }
            Map<RecordBuilder.VersionKey, byte[]> shingles = shingles(con, notes);
            Map<UUID, PatientFacts> facts = new LinkedHashMap<>();
            builders.forEach((id, b) -> {
                b.shingles(shingles);
                facts.put(id, b.build(encounterOwners, documentOwners));
            });
            storePrints(con);
            return facts;
        }

        /**
         * Keeps the copy-paste prints computed from bodies read, so that later checks read them instead.
         * In key order, so that two transactions storing the same versions wait for each other rather than deadlock.
         */
        private void storePrints(Connection con) throws SQLException {
            List<RecordBuilder.ComputedPrints> computed = new ArrayList<>();
            builders.values().forEach(b -> b.computedPrints(computed));
            if (computed.isEmpty()) {
                return;
            }
            computed.sort(Comparator.comparing((RecordBuilder.ComputedPrints p) -> p.key().documentId())
                    .thenComparingInt(p -> p.key().version()));
            try (PreparedStatement prints = con.prepareStatement("INSERT INTO quality_note_prints (document_id, version,"
                    + " patient_id, words, prints) VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id, version) DO UPDATE"
                    // a merge (or unmerge) moved the note to another patient: its prints follow it
                    + " SET patient_id = excluded.patient_id WHERE quality_note_prints.patient_id <> excluded.patient_id");
                 PreparedStatement shingles = con.prepareStatement("INSERT INTO quality_note_shingles (document_id, version,"
                    + " shingles) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (RecordBuilder.ComputedPrints p : computed) {
                    prints.setObject(1, p.key().documentId());
                    prints.setInt(2, p.key().version());
                    prints.setObject(3, p.patientId());
                    prints.setInt(4, p.prints().words());
                    prints.setBytes(5, p.prints().encodedPrints());
                    prints.addBatch();
                    shingles.setObject(1, p.key().documentId());
                    shingles.setInt(2, p.key().version());
                    shingles.setBytes(3, p.prints().encodedShingles());
                    shingles.addBatch();
                }
                prints.executeBatch();
                shingles.executeBatch();
            }
        }

        /** The prints of these document versions, computed from their bodies. */
        private static Map<RecordBuilder.VersionKey, NotePrints> printsFromBodies(Connection con,
                Set<RecordBuilder.VersionKey> versions) throws SQLException {
            Map<RecordBuilder.VersionKey, NotePrints> prints = new HashMap<>();
            try (PreparedStatement ps = con.prepareStatement("SELECT v.document_id, v.version, v.body"
                    + " FROM unnest(?::uuid[], ?::int[]) AS k(document_id, version)"
                    + " JOIN document_version v ON v.document_id = k.document_id AND v.version = k.version")) {
                keys(con, ps, versions);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        prints.put(new RecordBuilder.VersionKey(rs.getObject(1, UUID.class), rs.getInt(2)),
                                NotePrints.of(rs.getString(3)));
                    }
                }
            }
            return prints;
        }

        /** Sets a statement's two parameters to these versions' document ids and version numbers. */
        private static void keys(Connection con, PreparedStatement ps, Set<RecordBuilder.VersionKey> versions)
                throws SQLException {
            List<RecordBuilder.VersionKey> keys = List.copyOf(versions);
            ps.setArray(1, con.createArrayOf("uuid", keys.stream().map(RecordBuilder.VersionKey::documentId).toArray()));
            ps.setArray(2, con.createArrayOf("int4", keys.stream().map(RecordBuilder.VersionKey::version).toArray()));
        }

        /** The stored shingles of these document versions. */
        private static Map<RecordBuilder.VersionKey, byte[]> shingles(Connection con, Set<RecordBuilder.VersionKey> notes)
                throws SQLException {
            Map<RecordBuilder.VersionKey, byte[]> shingles = new HashMap<>();
            if (notes.isEmpty()) {
                return shingles;
            }
            try (PreparedStatement ps = con.prepareStatement("SELECT q.document_id, q.version, q.shingles"
                    + " FROM unnest(?::uuid[], ?::int[]) AS k(document_id, version)"
                    + " JOIN quality_note_shingles q ON q.document_id = k.document_id AND q.version = k.version")) {
                keys(con, ps, notes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        shingles.put(new RecordBuilder.VersionKey(rs.getObject(1, UUID.class), rs.getInt(2)), rs.getBytes(3));
                    }
                }
            }
            return shingles;
        }

    }

    /** Reads the rows of one result set as text, but for its bytea columns (left null, for their readers to take as bytes). */
    private static final class TextColumns {
        private ResultSet of;
        private boolean[] text;

        String[] read(ResultSet rs) throws SQLException {
            if (rs != of) {
                ResultSetMetaData meta = rs.getMetaData();
                text = new boolean[meta.getColumnCount()];
                for (int c = 0; c < text.length; c++) {
                    text[c] = meta.getColumnType(c + 1) != Types.BINARY;
                }
                of = rs;
            }
            String[] row = new String[text.length];
            for (int c = 0; c < row.length; c++) {
                if (text[c]) {
                    row[c] = rs.getString(c + 1);
                }
            }
            return row;
        }
    }

    /** The owning patient of each of these rows of {@code table} (encounter or document) that exists. */
    private static Map<UUID, UUID> owners(Connection con, String table, Set<UUID> ids) throws SQLException {
        Map<UUID, UUID> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        try (PreparedStatement ps = con.prepareStatement("SELECT id, patient_id FROM " + table + " WHERE id = ANY(?)")) {
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
        }
        return owners;
    }
}
