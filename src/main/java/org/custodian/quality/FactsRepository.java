package org.custodian.quality;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads patients' records, as stored, for the rules. Read-only; the record module's writers remain
 * the only writers. Two ways, with the same queries: {@link #load} reads a few patients in one round
 * trip (every table's query sent at once), {@link #stream} reads every patient with one ordered
 * cursor per table, merged by patient in memory, handing on batches of whole records.
 */
@Repository
class FactsRepository {
    /** Rows fetched per cursor round trip when streaming. */
    static final int FETCH = 4_000;
    /** The order PostgreSQL sorts uuids in: their bytes, unsigned, most significant first. */
    static final Comparator<UUID> PG_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final JdbcTemplate jdbc;

    FactsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            StringBuilder sql = new StringBuilder(PATIENTS.sql("p.id = ANY(?)"));
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
                        while (rs.next()) {
                            if (table < 0) {
                                PatientRow row = patient(rs);
                                builders.put(row.id(), new Builder(row));
                            } else {
                                Builder b = builders.get(uuid(rs, "patient_id"));
                                if (b != null) {
                                    TABLES.get(table).reader().read(rs, b);
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
     * {@code batchSize}. One cursor per table, each ordered by patient, read {@link #FETCH} rows
     * at a time in one read-only transaction: no query per patient or per chunk.
     */
    void stream(int batchSize, Consumer<List<PatientFacts>> sink) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            con.setReadOnly(true);
            try {
                streamIn(con, batchSize, sink);
                con.commit();
            } finally {
                con.setReadOnly(false);
                con.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    private static void streamIn(Connection con, int batchSize, Consumer<List<PatientFacts>> sink) throws SQLException {
        List<Cursor> cursors = new ArrayList<>();
        try (PreparedStatement patients = con.prepareStatement(PATIENTS.sql("true"))) {
            for (Table t : TABLES) {
                cursors.add(new Cursor(con, t));
            }
            patients.setFetchSize(FETCH);
            List<PatientFacts> batch = new ArrayList<>(batchSize);
            try (ResultSet rs = patients.executeQuery()) {
                while (rs.next()) {
                    Builder b = new Builder(patient(rs));
                    for (Cursor c : cursors) {
                        c.drainInto(b);
                    }
                    batch.add(b.build());
                    if (batch.size() == batchSize) {
                        sink.accept(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        } finally {
            for (Cursor c : cursors) {
                c.close();
            }
        }
    }

    /** One table's rows in patient order; {@link #drainInto} takes the rows of the patient being built. */
    private static final class Cursor {
        private final Table table;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private UUID current;

        Cursor(Connection con, Table table) throws SQLException {
            this.table = table;
            this.statement = con.prepareStatement(table.sql("true"));
            statement.setFetchSize(FETCH);
            this.rows = statement.executeQuery();
            advance();
        }

        void drainInto(Builder b) throws SQLException {
            UUID patient = b.patient.id();
            while (current != null && PG_ORDER.compare(current, patient) <= 0) {
                if (current.equals(patient)) {
                    table.reader().read(rows, b);
                }
                advance();
            }
        }

        private void advance() throws SQLException {
            current = rows.next() ? uuid(rows, "patient_id") : null;
        }

        void close() throws SQLException {
            rows.close();
            statement.close();
        }
    }

    /**
     * A query over one table; {@code %s} is the patient filter; rows come ordered by patient.
     * {@code fewTemplate}, when it differs, is the form for a few patients (index lookups rather
     * than a pass over the whole table).
     */
    private record Table(String template, String fewTemplate, String patientColumn, RowReader reader) {
        Table(String template, String patientColumn, RowReader reader) {
            this(template, template, patientColumn, reader);
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
        void read(ResultSet rs, Builder into) throws SQLException;
    }

    /**
     * The owner of a fact's encounter looked up by primary key, for a few patients' facts: joined, the
     * planner hashes the whole encounter table for a few hundred rows (7 ms at 10,000 encounters).
     */
    private static final String OWNER_BY_INDEX =
            "(SELECT e.patient_id FROM encounter e WHERE e.id = %s.encounter_id) AS encounter_owner\n";

    private static final Table PATIENTS = new Table("""
            SELECT p.id, p.given, p.family, p.birth_date, p.sex, p.address_line, p.city, p.state, p.postal_code, p.phone,
                   p.deceased_at
              FROM patient p WHERE %s ORDER BY p.id""", "p.id", (rs, b) -> { });

    private static final List<Table> TABLES = List.of(
            new Table("""
                    SELECT i.patient_id, i.facility_id, f.code, i.value FROM patient_identifier i
                      JOIN facility f ON f.id = i.facility_id WHERE %s ORDER BY i.patient_id""", "i.patient_id",
                    (rs, b) -> b.mrns.add(new String[] {rs.getString("facility_id"), rs.getString("code"), rs.getString("value")})),
            new Table("""
                    SELECT i.patient_id, i.facility_id, i.value, o.patient_id AS other
                      FROM patient_identifier i
                      JOIN patient_identifier o ON o.facility_id = i.facility_id AND upper(o.value) = upper(i.value)
                                               AND o.patient_id <> i.patient_id
                     WHERE %s ORDER BY i.patient_id""", "i.patient_id",
                    (rs, b) -> b.sharers.computeIfAbsent(rs.getString("facility_id") + "|" + rs.getString("value"),
                            k -> new ArrayList<>()).add(uuid(rs, "other"))),
            new Table("""
                    SELECT e.id, e.patient_id, e.facility_id, e.visit_number, e.class, e.admit_at, e.discharge_at,
                           e.attending_id
                      FROM encounter e WHERE NOT e.entered_in_error AND %s ORDER BY e.patient_id, e.admit_at""", "e.patient_id",
                    (rs, b) -> b.encounters.add(new EncounterRow(uuid(rs, "id"), uuid(rs, "patient_id"),
                            uuid(rs, "facility_id"), rs.getString("visit_number"), rs.getString("class"),
                            instant(rs, "admit_at"), instant(rs, "discharge_at"), uuid(rs, "attending_id")))),
            new Table("""
                    SELECT d.id, d.patient_id, d.encounter_id, e.patient_id AS encounter_owner, d.code_system, d.code,
                           d.display, d.onset_at
                      FROM diagnosis d LEFT JOIN encounter e ON e.id = d.encounter_id
                     WHERE NOT d.entered_in_error AND %s ORDER BY d.patient_id""", """
                    SELECT d.id, d.patient_id, d.encounter_id, d.code_system, d.code, d.display, d.onset_at,
                           """ + OWNER_BY_INDEX.formatted("d") + """
                      FROM diagnosis d WHERE NOT d.entered_in_error AND %s ORDER BY d.patient_id""", "d.patient_id",
                    (rs, b) -> b.diagnoses.add(new DiagnosisRow(uuid(rs, "id"), uuid(rs, "encounter_id"),
                            uuid(rs, "encounter_owner"), rs.getString("code_system"), rs.getString("code"),
                            rs.getString("display"), instant(rs, "onset_at")))),
            new Table("""
                    SELECT p.id, p.patient_id, p.encounter_id, e.patient_id AS encounter_owner, p.code_system, p.code,
                           p.display, p.performed_at
                      FROM procedure_performed p LEFT JOIN encounter e ON e.id = p.encounter_id
                     WHERE NOT p.entered_in_error AND %s ORDER BY p.patient_id""", """
                    SELECT p.id, p.patient_id, p.encounter_id, p.code_system, p.code, p.display, p.performed_at,
                           """ + OWNER_BY_INDEX.formatted("p") + """
                      FROM procedure_performed p WHERE NOT p.entered_in_error AND %s ORDER BY p.patient_id""", "p.patient_id",
                    (rs, b) -> b.procedures.add(new ProcedureRow(uuid(rs, "id"), uuid(rs, "encounter_id"),
                            uuid(rs, "encounter_owner"), rs.getString("code_system"), rs.getString("code"),
                            rs.getString("display"), instant(rs, "performed_at")))),
            new Table("""
                    SELECT o.id, o.patient_id, o.encounter_id, o.loinc_code, o.display, o.value_numeric, o.unit,
                           o.observed_at, e.patient_id AS encounter_owner
                      FROM observation o LEFT JOIN encounter e ON e.id = o.encounter_id
                     WHERE NOT o.entered_in_error AND %s ORDER BY o.patient_id""", """
                    SELECT o.id, o.patient_id, o.encounter_id, o.loinc_code, o.display, o.value_numeric, o.unit,
                           o.observed_at, """ + OWNER_BY_INDEX.formatted("o") + """
                      FROM observation o WHERE NOT o.entered_in_error AND %s ORDER BY o.patient_id""", "o.patient_id",
                    (rs, b) -> b.observations.add(new ObservationRow(uuid(rs, "id"), uuid(rs, "encounter_id"),
                            uuid(rs, "encounter_owner"), rs.getString("loinc_code"), rs.getString("display"),
                            rs.getBigDecimal("value_numeric"), rs.getString("unit"), instant(rs, "observed_at")))),
            new Table("""
                    SELECT d.id, d.patient_id, d.encounter_id, d.type, d.addendum_to, d.created_at,
                           e.patient_id AS encounter_owner, a.patient_id AS addendum_to_patient, v.version, v.status,
                           v.title, v.body, v.author_id, v.signed_at, v.signed_by
                      FROM document d
                      JOIN document_version v ON v.document_id = d.id
                      LEFT JOIN encounter e ON e.id = d.encounter_id
                      LEFT JOIN document a ON a.id = d.addendum_to
                     WHERE NOT EXISTS (SELECT 1 FROM document_version w
                                        WHERE w.document_id = v.document_id AND w.version > v.version)
                       AND %s
                     ORDER BY d.patient_id, d.created_at""", """
                    SELECT d.id, d.patient_id, d.encounter_id, d.type, d.addendum_to, d.created_at,
                           e.patient_id AS encounter_owner, a.patient_id AS addendum_to_patient, v.version, v.status,
                           v.title, v.body, v.author_id, v.signed_at, v.signed_by
                      FROM document d
                      JOIN LATERAL (SELECT * FROM document_version dv WHERE dv.document_id = d.id
                                     ORDER BY dv.version DESC LIMIT 1) v ON true
                      LEFT JOIN encounter e ON e.id = d.encounter_id
                      LEFT JOIN document a ON a.id = d.addendum_to
                     WHERE %s
                     ORDER BY d.patient_id, d.created_at""", "d.patient_id",
                    (rs, b) -> b.documents.add(new DocumentRow(uuid(rs, "id"), uuid(rs, "encounter_id"),
                            uuid(rs, "encounter_owner"), rs.getString("type"), uuid(rs, "addendum_to"),
                            uuid(rs, "addendum_to_patient"), instant(rs, "created_at"), rs.getInt("version"),
                            rs.getString("status"), rs.getString("title"), rs.getString("body"), uuid(rs, "author_id"),
                            instant(rs, "signed_at"), uuid(rs, "signed_by")))),
            new Table("""
                    SELECT s.id, s.patient_id, s.encounter_id, s.chart_document_id, s.facility_id, s.document_type,
                           s.document_date, s.flag_reason, s.flag_comment, s.flagged_by, s.flagged_at
                      FROM scan_document s WHERE s.status = 'FLAGGED' AND %s ORDER BY s.patient_id""", "s.patient_id",
                    (rs, b) -> b.flaggedScans.add(new FlaggedScanRow(uuid(rs, "id"), uuid(rs, "encounter_id"),
                            uuid(rs, "chart_document_id"), uuid(rs, "facility_id"), rs.getString("document_type"),
                            rs.getObject("document_date", LocalDate.class), rs.getString("flag_reason"),
                            rs.getString("flag_comment"), rs.getString("flagged_by"), instant(rs, "flagged_at")))));

    private static PatientRow patient(ResultSet rs) throws SQLException {
        return new PatientRow(uuid(rs, "id"), rs.getString("given"), rs.getString("family"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("address_line"),
                rs.getString("city"), rs.getString("state"), rs.getString("postal_code"), rs.getString("phone"),
                instant(rs, "deceased_at"));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** One patient's rows as they arrive; MRNs get the other holders of their number when built. */
    private static final class Builder {
        final PatientRow patient;
        final List<String[]> mrns = new ArrayList<>();
        final Map<String, List<UUID>> sharers = new HashMap<>();
        final List<EncounterRow> encounters = new ArrayList<>();
        final List<DiagnosisRow> diagnoses = new ArrayList<>();
        final List<ProcedureRow> procedures = new ArrayList<>();
        final List<ObservationRow> observations = new ArrayList<>();
        final List<DocumentRow> documents = new ArrayList<>();
        final List<FlaggedScanRow> flaggedScans = new ArrayList<>();

        Builder(PatientRow patient) {
            this.patient = patient;
        }

        PatientFacts build() {
            List<MrnRow> numbers = new ArrayList<>(mrns.size());
            for (String[] m : mrns) {
                numbers.add(new MrnRow(UUID.fromString(m[0]), m[1], m[2], sharers.getOrDefault(m[0] + "|" + m[2], List.of())));
            }
            return new PatientFacts(patient, numbers, encounters, diagnoses, procedures, observations, documents,
                    flaggedScans);
        }
    }
}
