package org.custodian.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.quality.RecordBuilder.VersionKey;
import org.custodian.quality.rules.NotePrints;
import org.custodian.quality.rules.PatientFacts.EncounterRow;
import org.custodian.quality.rules.PatientFacts.FlaggedScanRow;
import org.custodian.quality.rules.PatientFacts.PatientRow;

/**
 * The queries that read patients' records for the rules, one per table, and where each row goes in
 * a {@link RecordBuilder}. Every query's first column is the patient id and {@code %s} is the patient
 * filter (a list of ids, or a range of them). No joins to other patients' rows: a fact's encounter
 * owner is the patient whenever the encounter is among the patient's own, which the builder sees; the
 * rare others are looked up by key afterwards ({@link RecordBuilder#unknownEncounters}).
 */
final class FactTables {
    private FactTables() {
    }

    /** One table's query; {@code patientColumn} is what the filter applies to. */
    record FactTable(String template, String patientColumn, RowReader reader) {
        String sql(String filter) {
            return template.formatted(filter.replace("$patient", patientColumn));
        }
    }

    /** Puts a row where it goes; {@code row} holds its text columns, bytea columns are read from {@code rs}. */
    @FunctionalInterface
    interface RowReader {
        void read(String[] row, ResultSet rs, RecordBuilder into) throws SQLException;
    }

    static final FactTable PATIENTS = new FactTable("""
            SELECT p.id, p.given, p.family, p.birth_date, p.sex, p.address_line, p.city, p.state, p.postal_code, p.phone,
                   %s
              FROM patient p WHERE %%s""".formatted(micros("p.deceased_at")), "p.id", (f, rs, b) -> { });

    static final List<FactTable> TABLES = List.of(
            new FactTable("""
                    SELECT i.patient_id, i.facility_id, f.code, i.value FROM patient_identifier i
                      JOIN facility f ON f.id = i.facility_id WHERE %s""", "i.patient_id",
                    (f, rs, b) -> b.mrn(f[1], f[2], f[3])),
            new FactTable("""
                    SELECT i.patient_id, i.facility_id, i.value, o.patient_id AS other
                      FROM patient_identifier i
                      JOIN patient_identifier o ON o.facility_id = i.facility_id AND upper(o.value) = upper(i.value)
                                               AND o.patient_id <> i.patient_id
                     WHERE %s""", "i.patient_id",
                    (f, rs, b) -> b.mrnSharer(f[1], f[2], uuid(f[3]))),
            new FactTable("""
                    SELECT e.patient_id, e.id, e.facility_id, e.visit_number, e.class, %s, %s, e.attending_id,
                           (SELECT c.status FROM coding_case c WHERE c.encounter_id = e.id)
                      FROM encounter e WHERE NOT e.entered_in_error AND %%s ORDER BY e.patient_id, e.admit_at"""
                    .formatted(micros("e.admit_at"), micros("e.discharge_at")), "e.patient_id",
                    (f, rs, b) -> b.encounter(new EncounterRow(uuid(f[1]), uuid(f[0]), uuid(f[2]), f[3], f[4],
                            instant(f[5]), instant(f[6]), uuid(f[7]), f[8]))),
            new FactTable("""
                    SELECT d.patient_id, d.id, d.encounter_id, d.code_system, d.code, d.display, %s
                      FROM diagnosis d WHERE NOT d.entered_in_error AND %%s""".formatted(micros("d.onset_at")),
                    "d.patient_id", (f, rs, b) -> b.diagnosis(f)),
            new FactTable("""
                    SELECT p.patient_id, p.id, p.encounter_id, p.code_system, p.code, p.display, %s
                      FROM procedure_performed p WHERE NOT p.entered_in_error AND %%s""".formatted(micros("p.performed_at")),
                    "p.patient_id", (f, rs, b) -> b.procedure(f)),
            new FactTable("""
                    SELECT o.patient_id, o.id, o.encounter_id, o.loinc_code, o.display, o.value_numeric, o.unit, %s
                      FROM observation o WHERE NOT o.entered_in_error AND %%s""".formatted(micros("o.observed_at")),
                    "o.patient_id", (f, rs, b) -> b.observation(f)),
            new FactTable("""
                    SELECT d.patient_id, d.id, d.encounter_id, d.type, d.addendum_to, %s
                      FROM document d WHERE %%s""".formatted(micros("d.created_at")), "d.patient_id",
                    (f, rs, b) -> b.document(f)),
            // every version, the newest of each document kept: cheaper than asking PostgreSQL for the newest
            new FactTable("""
                    SELECT v.patient_id, v.document_id, v.version, v.status, v.title, v.author_id, %s, v.signed_by
                      FROM document_version v WHERE %%s""".formatted(micros("v.signed_at")), "v.patient_id",
                    (f, rs, b) -> b.version(f)),
            // a merge re-points documents, while their versions (append-only) keep the patient they were written
            // for: the versions of a merge survivor's documents written for another patient, found from the
            // (few) active merges rather than by joining every document to its versions
            new FactTable("""
                    SELECT d.patient_id, v.document_id, v.version, v.status, v.title, v.author_id, %s, v.signed_by
                      FROM document d JOIN document_version v ON v.document_id = d.id AND v.patient_id <> d.patient_id
                     WHERE d.patient_id IN (SELECT m.survivor_id FROM mpi_merge m WHERE m.unmerged_at IS NULL AND %%s)"""
                    .formatted(micros("v.signed_at")), "m.survivor_id",
                    (f, rs, b) -> b.version(f)),
            // the copy-paste words and fingerprints stored for versions (bodies are read only of newest versions without)
            new FactTable("""
                    SELECT q.patient_id, q.document_id, q.version, q.words, q.prints
                      FROM quality_note_prints q WHERE %s""", "q.patient_id",
                    (f, rs, b) -> b.prints(new VersionKey(uuid(f[1]), Integer.parseInt(f[2])),
                            NotePrints.stored(Integer.parseInt(f[3]), rs.getBytes(5)))),
            new FactTable("""
                    SELECT s.patient_id, s.id, s.encounter_id, s.chart_document_id, s.facility_id, s.document_type,
                           s.document_date, s.flag_reason, s.flag_comment, s.flagged_by, %s
                      FROM scan_document s WHERE s.status = 'FLAGGED' AND %%s""".formatted(micros("s.flagged_at")),
                    "s.patient_id",
                    (f, rs, b) -> b.flaggedScan(new FlaggedScanRow(uuid(f[1]), uuid(f[2]), uuid(f[3]), uuid(f[4]), f[5],
                            f[6] == null ? null : LocalDate.parse(f[6]), f[7], f[8], f[9], instant(f[10])))));

    static PatientRow patient(String[] f) {
        return new PatientRow(uuid(f[0]), f[1], f[2], f[3] == null ? null : LocalDate.parse(f[3]), f[4], f[5], f[6], f[7],
                f[8], f[9], instant(f[10]));
    }

    /** Timestamps travel as microseconds since the epoch: no date parsing on either side. */
    private static String micros(String column) {
        return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
    }

    static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    static Instant instant(String micros) {
        if (micros == null) {
            return null;
        }
        long us = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
    }
}
