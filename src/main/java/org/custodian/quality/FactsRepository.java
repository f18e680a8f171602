package org.custodian.quality;

import java.sql.Array;
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
            Array ids = con.createArrayOf("uuid", patientIds.toArray());
            return read(con, "$patient = ANY(?)", new Object[] {ids});
        });
    }

    /** The records of the patients in this range, by patient id. */
    Map<UUID, PatientFacts> load(PatientRange range) {
        return jdbc.execute((ConnectionCallback<Map<UUID, PatientFacts>>) con ->
                read(con, "$patient BETWEEN ? AND ?", new Object[] {range.from(), range.to()}));
    }

    private static Map<UUID, PatientFacts> read(Connection con, String filter, Object[] parameters) throws SQLException {
        StringBuilder sql = new StringBuilder(FactTables.PATIENTS.sql(filter));
        for (FactTable t : FactTables.TABLES) {
            sql.append(";\n").append(t.sql(filter));
        }
        Map<UUID, RecordBuilder> builders = new LinkedHashMap<>();
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            int p = 1;
            for (int table = 0; table <= FactTables.TABLES.size(); table++) {
                for (Object parameter : parameters) {
                    ps.setObject(p++, parameter);
                }
            }
            boolean isResult = ps.execute();
            for (int table = -1; isResult || ps.getUpdateCount() != -1; table++) {
                try (ResultSet rs = ps.getResultSet()) {
                    int columns = rs.getMetaData().getColumnCount();
                    FactTables.RowReader reader = table < 0 ? null : FactTables.TABLES.get(table).reader();
                    while (rs.next()) {
                        String[] row = new String[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = rs.getString(c + 1);
                        }
                        if (reader == null) {
                            RecordBuilder b = new RecordBuilder(FactTables.patient(row));
                            builders.put(b.patientId(), b);
                        } else {
                            RecordBuilder b = builders.get(UUID.fromString(row[0]));
                            if (b != null) {
                                reader.read(row, b);
                            }
                        }
                    }
                }
                isResult = ps.getMoreResults();
            }
        }
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
