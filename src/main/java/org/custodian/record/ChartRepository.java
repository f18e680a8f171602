package org.custodian.record;

import static org.custodian.record.DocumentRepository.instant;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads a patient's chart in a handful of indexed queries sent as one, newest facts first and bounded in size. */
@Repository
public class ChartRepository {
    private final JdbcOperations jdbc;
    private final IdentifierCipher cipher;

    public ChartRepository(JdbcOperations jdbc, IdentifierCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<PatientChart> chart(UUID patientId) {
        return chart(patientId, ChartScope.RECENT);
    }

    /**
     * The whole chart in one round trip: the eight queries go to PostgreSQL as one multi-statement
     * message and come back as eight result sets, read in one implicit transaction (one snapshot).
     * One round trip instead of eight halves the driver's and the server's work per statement.
     */
    public Optional<PatientChart> chart(UUID patientId, ChartScope scope) {
        return Optional.ofNullable(jdbc.execute(CHART_SQL, (PreparedStatementCallback<PatientChart>) statement -> {
            Object[] parameters = {patientId, patientId, patientId, scope.encounters, patientId, patientId,
                    scope.procedures, patientId, scope.observations, patientId, scope.documents, patientId, patientId,
                    patientId, patientId};
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            ResultSets results = new ResultSets(statement);
            List<PatientRow> patient = results.next((rs, i) -> new PatientRow(PatientRepository.map(rs, i),
                    rs.getBytes("ssn_encrypted")));
            List<PatientChart.IdentifierRow> identifiers = results.next(ChartRepository::identifier);
            List<PatientChart.EncounterRow> encounters = results.next(ChartRepository::encounter);
            List<PatientChart.DiagnosisRow> diagnoses = results.next(ChartRepository::diagnosis);
            List<PatientChart.ProcedureRow> procedures = results.next(ChartRepository::procedure);
            List<Observation> observations = results.next(ChartRepository::observation);
            List<PatientChart.DocumentRow> documents = results.next(ChartRepository::document);
            PatientChart.Totals totals = results.next(ChartRepository::totals).getFirst();
            return patient.isEmpty() ? null : new PatientChart(patient.getFirst().patient(),
                    lastFour(patient.getFirst().ssn()), identifiers, encounters, diagnoses, procedures, observations,
                    documents, totals);
        }));
    }

    private record PatientRow(Patient patient, byte[] ssn) {
    }

    /** The result sets of one multi-statement execution, taken in order. */
    private static final class ResultSets {
        private final PreparedStatement statement;
        private boolean first = true;

        ResultSets(PreparedStatement statement) throws SQLException {
            this.statement = statement;
            statement.execute();
        }

        <T> List<T> next(RowMapper<T> mapper) throws SQLException {
            if (!first && !statement.getMoreResults()) {
                throw new IllegalStateException("the chart query returned fewer result sets than it has statements");
            }
            first = false;
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    rows.add(mapper.mapRow(rs, rows.size()));
                }
            }
            return rows;
        }
    }

    private static final String CHART_SQL = """
            SELECT * FROM patient WHERE id = ?;
            SELECT f.code, f.name, i.value FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
             WHERE i.patient_id = ? ORDER BY f.name;
            SELECT e.*, f.name AS facility_name, f.type AS facility_type,
                   trim(pr.given || ' ' || pr.family) AS attending,
                   trim(adm.given || ' ' || adm.family) AS admitting, trim(ref.given || ' ' || ref.family) AS referring
              FROM encounter e JOIN facility f ON f.id = e.facility_id
              LEFT JOIN practitioner pr ON pr.id = e.attending_id
              LEFT JOIN practitioner adm ON adm.id = e.admitting_id
              LEFT JOIN practitioner ref ON ref.id = e.referring_id
             WHERE e.patient_id = ? AND NOT e.entered_in_error ORDER BY e.admit_at DESC LIMIT ?;
            SELECT * FROM diagnosis WHERE patient_id = ? AND NOT entered_in_error
             ORDER BY resolved_at IS NOT NULL, onset_at DESC NULLS LAST, sequence NULLS LAST;
            SELECT * FROM procedure_performed WHERE patient_id = ? AND NOT entered_in_error
             ORDER BY performed_at DESC NULLS LAST LIMIT ?;
            SELECT * FROM observation WHERE patient_id = ? AND NOT entered_in_error ORDER BY observed_at DESC LIMIT ?;
            SELECT d.id, d.encounter_id, d.type, d.addendum_to, d.created_at, v.title, v.status, v.version,
                   v.signed_at,
                   (SELECT trim(pr.given || ' ' || pr.family) FROM practitioner pr WHERE pr.id = v.author_id) AS author
              FROM (SELECT id, encounter_id, type, addendum_to, created_at FROM document WHERE patient_id = ?
                     ORDER BY created_at DESC LIMIT ?) d
              JOIN LATERAL (SELECT dv.title, dv.status, dv.version, dv.signed_at, dv.author_id
                              FROM document_version dv WHERE dv.document_id = d.id
                             ORDER BY dv.version DESC LIMIT 1) v ON true
             ORDER BY d.created_at DESC;
            SELECT (SELECT count(*) FROM encounter WHERE patient_id = ? AND NOT entered_in_error),
                   (SELECT count(*) FROM procedure_performed WHERE patient_id = ? AND NOT entered_in_error),
                   (SELECT count(*) FROM observation WHERE patient_id = ? AND NOT entered_in_error),
                   (SELECT count(*) FROM document WHERE patient_id = ?)""";

    private static PatientChart.Totals totals(ResultSet rs, int row) throws SQLException {
        return new PatientChart.Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
    }

    private String lastFour(byte[] sealedSsn) {
        if (sealedSsn == null) {
            return null;
        }
        String digits = cipher.decrypt(sealedSsn).replaceAll("[^0-9]", "");
        return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }

    private static PatientChart.IdentifierRow identifier(ResultSet rs, int row) throws SQLException {
        return new PatientChart.IdentifierRow(rs.getString(1), rs.getString(2), rs.getString(3));
    }

    private static PatientChart.EncounterRow encounter(ResultSet rs, int row) throws SQLException {
        return new PatientChart.EncounterRow(rs.getObject("id", UUID.class),
                rs.getString("facility_name"), FacilityType.valueOf(rs.getString("facility_type")),
                EncounterClass.valueOf(rs.getString("class")), rs.getString("visit_number"),
                instant(rs, "admit_at"), instant(rs, "discharge_at"), rs.getString("attending"),
                rs.getString("discharge_disposition"), rs.getString("reason"), rs.getString("admitting"),
                rs.getString("referring"));
    }

    private static PatientChart.DiagnosisRow diagnosis(ResultSet rs, int row) throws SQLException {
        return new PatientChart.DiagnosisRow(rs.getObject("encounter_id", UUID.class),
                new CodedValue(rs.getString("code_system"), rs.getString("code"), rs.getString("display")),
                rs.getBoolean("principal"), rs.getString("poa"), instant(rs, "onset_at"), instant(rs, "resolved_at"));
    }

    private static PatientChart.ProcedureRow procedure(ResultSet rs, int row) throws SQLException {
        return new PatientChart.ProcedureRow(rs.getObject("encounter_id", UUID.class),
                new CodedValue(rs.getString("code_system"), rs.getString("code"), rs.getString("display")),
                instant(rs, "performed_at"));
    }

    private static Observation observation(ResultSet rs, int row) throws SQLException {
        return new Observation(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("encounter_id", UUID.class), rs.getString("loinc_code"), rs.getString("display"),
                rs.getObject("value_numeric", BigDecimal.class), rs.getString("value_text"),
                rs.getString("unit"), rs.getObject("reference_low", BigDecimal.class),
                rs.getObject("reference_high", BigDecimal.class),
                rs.getString("abnormal_flag") == null ? null : Observation.AbnormalFlag.valueOf(rs.getString("abnormal_flag")),
                instant(rs, "observed_at"), Observation.Status.valueOf(rs.getString("status")));
    }

    /** The newest documents first, then the current version of just those (a document always has one). */
    private static PatientChart.DocumentRow document(ResultSet rs, int row) throws SQLException {
        return new PatientChart.DocumentRow(rs.getObject("id", UUID.class),
                rs.getObject("encounter_id", UUID.class), DocumentType.valueOf(rs.getString("type")),
                rs.getString("title"), DocumentStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getString("author"), instant(rs, "signed_at"), instant(rs, "created_at"),
                rs.getObject("addendum_to", UUID.class));
    }
}
