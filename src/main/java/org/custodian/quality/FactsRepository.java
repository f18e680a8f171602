package org.custodian.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.quality.FactTables.FactTable;
import org.custodian.quality.rules.PatientFacts;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads patients' records, as stored, for the rules: a few patients by id (the incremental check) or
 * one range of patient ids (a full scan's chunk). Either way every table's query goes in one round
 * trip on the caller's connection (a second one only for facts filed on another patient's encounter);
 * in a range, each table is read by its patient index, with no sort. Read-only; the record module's
 * writers remain the only writers.
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
            trip.add(FactTables.PATIENTS.sql(filter), rs -> {
                RecordBuilder b = new RecordBuilder(FactTables.patient(strings(rs)));
                builders.put(b.patientId(), b);
            }, parameters);
            for (FactTable t : FactTables.TABLES) {
                trip.add(t.sql(filter), rs -> {
                    String[] row = strings(rs);
                    RecordBuilder b = builders.get(UUID.fromString(row[0]));
                    if (b != null) {
                        t.reader().read(row, b);
                    }
                }, parameters);
            }
        }

        /** The records read, facts filed on others' encounters given their owners (one more query, only then). */
        Map<UUID, PatientFacts> records(Connection con) throws SQLException {
            Set<UUID> encounters = new HashSet<>();
            Set<UUID> documents = new HashSet<>();
            builders.values().forEach(b -> {
                b.unknownEncounters(encounters);
                b.unknownDocuments(documents);
            });
            Map<UUID, UUID> encounterOwners = owners(con, "encounter", encounters);
            Map<UUID, UUID> documentOwners = owners(con, "document", documents);
            Map<UUID, PatientFacts> facts = new LinkedHashMap<>();
            builders.forEach((id, b) -> facts.put(id, b.build(encounterOwners, documentOwners)));
            return facts;
        }

        private static String[] strings(ResultSet rs) throws SQLException {
            String[] row = new String[rs.getMetaData().getColumnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = rs.getString(c + 1);
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
