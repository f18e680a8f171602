package org.custodian.quality;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.PatientFacts.DiagnosisRow;
import org.custodian.quality.rules.PatientFacts.DocumentRow;
import org.custodian.quality.rules.PatientFacts.EncounterRow;
import org.custodian.quality.rules.PatientFacts.FlaggedScanRow;
import org.custodian.quality.rules.PatientFacts.MrnRow;
import org.custodian.quality.rules.PatientFacts.ObservationRow;
import org.custodian.quality.rules.PatientFacts.PatientRow;
import org.custodian.quality.rules.PatientFacts.ProcedureRow;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads patients' records, as stored, for the rules. Read-only; the record module's writers remain
 * the only writers. Two ways, with the same queries: {@link #load} reads a few patients in one round
 * trip (every table's query sent at once, read through JDBC), {@link #stream} reads every patient
 * with one {@code COPY ... TO STDOUT} per table, each ordered by patient on its own connection in one
 * shared snapshot, merged by patient in memory, handing on batches of whole records.
 */
@Repository
class FactsRepository {
    /** The order PostgreSQL sorts uuids in: their bytes, unsigned, most significant first. */
    static final Comparator<UUID> PG_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    FactsRepository(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    int patientCount() {
        return jdbc.queryForObject("SELECT count(*) FROM patient", Integer.class);
    }

    List<UUID> allPatientIds() {
        return jdbc.queryForList("SELECT id FROM patient ORDER BY id", UUID.class);
    }

    /** The records of these patients (those that exist), by patient id, read in one round trip. */
    Map<UUID, PatientFacts> load(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.execute((ConnectionCallback<Map<UUID, PatientFacts>>) con -> {
            StringBuilder sql = new StringBuilder(PATIENTS.sqlForFew("p.id = ANY(?)"));
            for (Table t : TABLES) {
                sql.append(";\n").append(t.sqlForFew(t.patientColumn() + " = ANY(?)"));
            }
            Map<UUID, Builder> builders = new LinkedHashMap<>();
            try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
                Array ids = con.createArrayOf("uuid", patientIds.toArray());
                for (int i = 1; i <= TABLES.size() + 1; i++) {
                    ps.setArray(i, ids);
                }
                boolean isResult = ps.execute();
                for (int table = -1; ; table++) {
                    if (!isResult && ps.getUpdateCount() == -1) {
                        break;
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            String[] row = new String[columns];
                            for (int c = 0; c < columns; c++) {
                                row[c] = rs.getString(c + 1);
                            }
                            if (table < 0) {
                                Builder b = new Builder(patient(row));
                                builders.put(b.patient.id(), b);
                            } else {
                                Builder b = builders.get(UUID.fromString(row[0]));
                                if (b != null) {
                                    TABLES.get(table).reader().read(row, b);
                                }
                            }
                        }
                    }
                    isResult = ps.getMoreResults();
                }
            }
            Map<UUID, PatientFacts> facts = new LinkedHashMap<>();
            builders.forEach((id, b) -> facts.put(id, b.build()));
            return facts;
        });
    }

    /**
     * Every patient's record, in patient id order, handed to {@code sink} in batches of
     * {@code batchSize}. One COPY per table, each on its own connection ordered by patient, all in the
     * snapshot of the first (so the tables agree with each other): no query per patient or per chunk.
     */
    void stream(int batchSize, Consumer<List<PatientFacts>> sink) {
        List<Connection> connections = new ArrayList<>();
        List<CopyCursor> cursors = new ArrayList<>();
        try {
            Connection first = snapshotConnection(null);
            connections.add(first);
            String snapshot;
            try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            CopyCursor patients = new CopyCursor(first, PATIENTS);
            for (Table t : TABLES) {
                Connection con = snapshotConnection(snapshot);
                connections.add(con);
                cursors.add(new CopyCursor(con, t));
            }
            List<PatientFacts> batch = new ArrayList<>(batchSize);
            for (String[] row = patients.take(); row != null; row = patients.take()) {
                Builder b = new Builder(patient(row));
                for (CopyCursor c : cursors) {
                    c.drainInto(b);
                }
                batch.add(b.build());
                if (batch.size() == batchSize) {
                    sink.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            for (CopyCursor c : cursors) {
                c.drainInto(null);
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the records for the quality scan failed: " + e.getMessage(), e);
        } finally {
            for (CopyCursor c : cursors) {
                c.cancelQuietly();
            }
            for (Connection con : connections) {
                closeQuietly(con);
            }
        }
    }

    /** A read-only repeatable-read transaction, in {@code snapshot} when given; sorts get room in memory. */
    private Connection snapshotConnection(String snapshot) throws SQLException {
        Connection con = dataSource.getConnection();
        try {
            con.setAutoCommit(false);
            con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            con.setReadOnly(true);
            try (Statement s = con.createStatement()) {
                if (snapshot != null) {
                    s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "") + "'");
                }
                // ten sorts at once already keep the cores busy: no parallel workers on top
                s.execute("SET LOCAL work_mem = '32MB'; SET LOCAL max_parallel_workers_per_gather = 0");
            }
            return con;
        } catch (SQLException e) {
            closeQuietly(con);
            throw e;
        }
    }

    private static void closeQuietly(Connection con) {
        try {
            con.rollback();
        } catch (SQLException ignored) {
            // the connection is closed below either way; the read-only transaction changed nothing
        }
        try {
            con.close();
        } catch (SQLException ignored) {
            // returned to the pool or dropped by it; nothing more to do
        }
    }

    /** One table's COPY in patient order; {@link #drainInto} takes the rows of the patient being built. */
    private static final class CopyCursor {
        private final Table table;
        private final CopyRows rows;
        private String[] current;
        private UUID currentPatient;

        CopyCursor(Connection con, Table table) throws SQLException {
            this.table = table;
            CopyOut copy = con.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + table.sql("true") + ") TO STDOUT");
            this.rows = new CopyRows(copy, copy.getFieldCount());
            advance();
        }

        /** Reads this table's rows up to and including {@code b}'s patient (all remaining ones when null). */
        void drainInto(Builder b) throws SQLException {
            UUID patient = b == null ? null : b.patient.id();
            while (current != null && (patient == null || PG_ORDER.compare(currentPatient, patient) <= 0)) {
                if (currentPatient.equals(patient)) {
                    table.reader().read(current, b);
                }
                advance();
            }
        }

        /** The current row, moving on to the next. */
        String[] take() throws SQLException {
            String[] row = current;
            if (row != null) {
                advance();
            }
            return row;
        }

        private void advance() throws SQLException {
            current = rows.next();
            currentPatient = current == null ? null : UUID.fromString(current[0]);
        }

        void cancelQuietly() {
            try {
                rows.cancel();
            } catch (SQLException ignored) {
                // the connection is rolled back and closed next
            }
        }
    }

    /** A query over one table; {@code %s} is the patient filter; rows come ordered by patient, patient id first. */
    private record Table(String template, String fewTemplate, String patientColumn, RowReader reader) {
        Table(String template, String patientColumn, RowReader reader) {
            this(template, template, patientColumn, reader);
        }

        /**
         * A fact table whose rows carry their encounter's owner: for a few patients the owner is looked up by
         * primary key, since joined the planner hashes the whole encounter table for a few hundred rows
         * (7 ms at 10,000 encounters); the full scan keeps the join.
         */
        static Table withEncounterOwner(String template, String alias, String patientColumn, RowReader reader) {
            String few = template
                    .replace("e.patient_id AS encounter_owner",
                            "(SELECT e.patient_id FROM encounter e WHERE e.id = " + alias + ".encounter_id) AS encounter_owner")
                    .replace(" LEFT JOIN encounter e ON e.id = " + alias + ".encounter_id", "");
            if (few.equals(template) || few.contains("JOIN encounter")) {
                throw new IllegalStateException("no encounter-owner join to replace in " + template);
            }
            return new Table(template, few, patientColumn, reader);
        }

        String sql(String filter) {
            return template.formatted(filter);
        }

        String sqlForFew(String filter) {
            return fewTemplate.formatted(filter);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(String[] row, Builder into);
    }

    /** Timestamps travel as microseconds since the epoch: no date parsing on either side. */
    private static String micros(String column) {
        return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
    }

    private static final Table PATIENTS = new Table("""
            SELECT p.id, p.given, p.family, p.birth_date, p.sex, p.address_line, p.city, p.state, p.postal_code, p.phone,
                   %s
              FROM patient p WHERE %%s ORDER BY p.id""".formatted(micros("p.deceased_at")), "p.id", (f, b) -> { });

    private static final List<Table> TABLES = List.of(
            new Table("""
                    SELECT i.patient_id, i.facility_id, f.code, i.value FROM patient_identifier i
                      JOIN facility f ON f.id = i.facility_id WHERE %s ORDER BY i.patient_id""", "i.patient_id",
                    (f, b) -> b.mrns.add(new String[] {f[1], f[2], f[3]})),
            new Table("""
                    SELECT i.patient_id, i.facility_id, i.value, o.patient_id AS other
                      FROM patient_identifier i
                      JOIN patient_identifier o ON o.facility_id = i.facility_id AND upper(o.value) = upper(i.value)
                                               AND o.patient_id <> i.patient_id
                     WHERE %s ORDER BY i.patient_id""", "i.patient_id",
                    (f, b) -> b.sharers.computeIfAbsent(f[1] + "|" + f[2], k -> new ArrayList<>()).add(uuid(f[3]))),
            new Table("""
                    SELECT e.patient_id, e.id, e.facility_id, e.visit_number, e.class, %s, %s, e.attending_id, c.status
                      FROM encounter e LEFT JOIN coding_case c ON c.encounter_id = e.id
                     WHERE NOT e.entered_in_error AND %%s ORDER BY e.patient_id, e.admit_at"""
                    .formatted(micros("e.admit_at"), micros("e.discharge_at")), "e.patient_id",
                    (f, b) -> b.encounters.add(new EncounterRow(uuid(f[1]), uuid(f[0]), uuid(f[2]), f[3], f[4],
                            instant(f[5]), instant(f[6]), uuid(f[7]), f[8]))),
            Table.withEncounterOwner("""
                    SELECT d.patient_id, d.id, d.encounter_id, e.patient_id AS encounter_owner, d.code_system, d.code,
                           d.display, %s
                      FROM diagnosis d LEFT JOIN encounter e ON e.id = d.encounter_id
                     WHERE NOT d.entered_in_error AND %%s ORDER BY d.patient_id""".formatted(micros("d.onset_at")),
                    "d", "d.patient_id",
                    (f, b) -> b.diagnoses.add(new DiagnosisRow(uuid(f[1]), uuid(f[2]), uuid(f[3]), f[4], f[5], f[6],
                            instant(f[7])))),
            Table.withEncounterOwner("""
                    SELECT p.patient_id, p.id, p.encounter_id, e.patient_id AS encounter_owner, p.code_system, p.code,
                           p.display, %s
                      FROM procedure_performed p LEFT JOIN encounter e ON e.id = p.encounter_id
                     WHERE NOT p.entered_in_error AND %%s ORDER BY p.patient_id""".formatted(micros("p.performed_at")),
                    "p", "p.patient_id",
                    (f, b) -> b.procedures.add(new ProcedureRow(uuid(f[1]), uuid(f[2]), uuid(f[3]), f[4], f[5], f[6],
                            instant(f[7])))),
            Table.withEncounterOwner("""
                    SELECT o.patient_id, o.id, o.encounter_id, e.patient_id AS encounter_owner, o.loinc_code, o.display,
                           o.value_numeric, o.unit, %s
                      FROM observation o LEFT JOIN encounter e ON e.id = o.encounter_id
                     WHERE NOT o.entered_in_error AND %%s ORDER BY o.patient_id""".formatted(micros("o.observed_at")),
                    "o", "o.patient_id",
                    (f, b) -> b.observations.add(new ObservationRow(uuid(f[1]), uuid(f[2]), uuid(f[3]), f[4], f[5],
                            f[6] == null ? null : new BigDecimal(f[6]), f[7], instant(f[8])))),
            new Table("""
                    SELECT d.patient_id, d.id, d.encounter_id, d.type, d.addendum_to, %s,
                           e.patient_id AS encounter_owner, a.patient_id AS addendum_to_patient
                      FROM document d
                      LEFT JOIN encounter e ON e.id = d.encounter_id
                      LEFT JOIN document a ON a.id = d.addendum_to
                     WHERE %%s ORDER BY d.patient_id""".formatted(micros("d.created_at")), "d.patient_id",
                    (f, b) -> b.documents.add(f)),
            // every version, the newest of each document kept: cheaper than asking PostgreSQL for the newest
            new Table("""
                    SELECT v.patient_id, v.document_id, v.version, v.status, v.title, v.body, v.author_id, %s, v.signed_by
                      FROM document_version v WHERE %%s ORDER BY v.patient_id""".formatted(micros("v.signed_at")),
                    "v.patient_id",
                    (f, b) -> b.versions.merge(f[1], f, (old, now) -> Integer.parseInt(now[2]) > Integer.parseInt(old[2])
                            ? now : old)),
            new Table("""
                    SELECT s.patient_id, s.id, s.encounter_id, s.chart_document_id, s.facility_id, s.document_type,
                           s.document_date, s.flag_reason, s.flag_comment, s.flagged_by, %s
                      FROM scan_document s WHERE s.status = 'FLAGGED' AND %%s ORDER BY s.patient_id"""
                    .formatted(micros("s.flagged_at")), "s.patient_id",
                    (f, b) -> b.flaggedScans.add(new FlaggedScanRow(uuid(f[1]), uuid(f[2]), uuid(f[3]), uuid(f[4]), f[5],
                            f[6] == null ? null : LocalDate.parse(f[6]), f[7], f[8], f[9], instant(f[10])))));

    private static PatientRow patient(String[] f) {
        return new PatientRow(uuid(f[0]), f[1], f[2], f[3] == null ? null : LocalDate.parse(f[3]), f[4], f[5], f[6], f[7],
                f[8], f[9], instant(f[10]));
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static Instant instant(String micros) {
        if (micros == null) {
            return null;
        }
        long us = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
    }

    /** One patient's rows as they arrive; documents meet their newest version, MRNs their other holders, when built. */
    private static final class Builder {
        final PatientRow patient;
        final List<String[]> mrns = new ArrayList<>();
        final Map<String, List<UUID>> sharers = new HashMap<>();
        final List<EncounterRow> encounters = new ArrayList<>();
        final List<DiagnosisRow> diagnoses = new ArrayList<>();
        final List<ProcedureRow> procedures = new ArrayList<>();
        final List<ObservationRow> observations = new ArrayList<>();
        final List<String[]> documents = new ArrayList<>();
        final Map<String, String[]> versions = new HashMap<>();
        final List<FlaggedScanRow> flaggedScans = new ArrayList<>();

        Builder(PatientRow patient) {
            this.patient = patient;
        }

        PatientFacts build() {
            List<MrnRow> numbers = new ArrayList<>(mrns.size());
            for (String[] m : mrns) {
                numbers.add(new MrnRow(UUID.fromString(m[0]), m[1], m[2], sharers.getOrDefault(m[0] + "|" + m[2], List.of())));
            }
            List<DocumentRow> docs = new ArrayList<>(documents.size());
            for (String[] d : documents) {
                String[] v = versions.get(d[1]);
                if (v != null) {
                    docs.add(new DocumentRow(uuid(d[1]), uuid(d[2]), uuid(d[6]), d[3], uuid(d[4]), uuid(d[7]),
                            instant(d[5]), Integer.parseInt(v[2]), v[3], v[4], v[5], uuid(v[6]), instant(v[7]), uuid(v[8])));
                }
            }
            docs.sort(Comparator.comparing(DocumentRow::createdAt));
            return new PatientFacts(patient, numbers, encounters, diagnoses, procedures, observations, docs, flaggedScans);
        }
    }
}
