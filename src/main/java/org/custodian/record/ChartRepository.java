package org.custodian.record;

import static org.custodian.record.DocumentRepository.instant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a patient's chart in a handful of indexed queries, newest facts first and bounded in size. */
@Repository
public class ChartRepository {
    private final JdbcClient jdbc;
    private final IdentifierCipher cipher;

    public ChartRepository(JdbcClient jdbc, IdentifierCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<PatientChart> chart(UUID patientId) {
        return chart(patientId, ChartScope.RECENT);
    }

    public Optional<PatientChart> chart(UUID patientId, ChartScope scope) {
        record Row(Patient patient, byte[] ssn) {
        }
        return jdbc.sql("SELECT * FROM patient WHERE id = :id").param("id", patientId)
                .query((rs, i) -> new Row(PatientRepository.map(rs, i), rs.getBytes("ssn_encrypted"))).optional()
                .map(row -> new PatientChart(row.patient(), lastFour(row.ssn()), identifiers(patientId), encounters(patientId, scope.encounters), diagnoses(patientId),
                        procedures(patientId, scope.procedures), observations(patientId, scope.observations),
                        documents(patientId, scope.documents), totals(patientId)));
    }

    private PatientChart.Totals totals(UUID id) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM encounter WHERE patient_id = :id AND NOT entered_in_error),
                       (SELECT count(*) FROM procedure_performed WHERE patient_id = :id AND NOT entered_in_error),
                       (SELECT count(*) FROM observation WHERE patient_id = :id AND NOT entered_in_error),
                       (SELECT count(*) FROM document WHERE patient_id = :id)""").param("id", id)
                .query((rs, i) -> new PatientChart.Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    private String lastFour(byte[] sealedSsn) {
        if (sealedSsn == null) {
            return null;
        }
        String digits = cipher.decrypt(sealedSsn).replaceAll("[^0-9]", "");
        return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }

    private List<PatientChart.IdentifierRow> identifiers(UUID id) {
        return jdbc.sql("""
                SELECT f.code, f.name, i.value FROM patient_identifier i JOIN facility f ON f.id = i.facility_id
                 WHERE i.patient_id = :id ORDER BY f.name""").param("id", id)
                .query((rs, i) -> new PatientChart.IdentifierRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private List<PatientChart.EncounterRow> encounters(UUID id, int limit) {
        return jdbc.sql("""
                SELECT e.*, f.name AS facility_name, f.type AS facility_type,
                       trim(pr.given || ' ' || pr.family) AS attending,
                       trim(adm.given || ' ' || adm.family) AS admitting, trim(ref.given || ' ' || ref.family) AS referring
                  FROM encounter e JOIN facility f ON f.id = e.facility_id
                  LEFT JOIN practitioner pr ON pr.id = e.attending_id
                  LEFT JOIN practitioner adm ON adm.id = e.admitting_id
                  LEFT JOIN practitioner ref ON ref.id = e.referring_id
                 WHERE e.patient_id = :id AND NOT e.entered_in_error ORDER BY e.admit_at DESC LIMIT :limit""").param("id", id).param("limit", limit)
                .query((rs, i) -> new PatientChart.EncounterRow(rs.getObject("id", UUID.class),
                        rs.getString("facility_name"), FacilityType.valueOf(rs.getString("facility_type")),
                        EncounterClass.valueOf(rs.getString("class")), rs.getString("visit_number"),
                        instant(rs, "admit_at"), instant(rs, "discharge_at"), rs.getString("attending"),
                        rs.getString("discharge_disposition"), rs.getString("reason"), rs.getString("admitting"),
                        rs.getString("referring")))
                .list();
    }

    private List<PatientChart.DiagnosisRow> diagnoses(UUID id) {
        return jdbc.sql("""
                SELECT * FROM diagnosis WHERE patient_id = :id AND NOT entered_in_error
                 ORDER BY resolved_at IS NOT NULL, onset_at DESC NULLS LAST, sequence NULLS LAST""").param("id", id)
                .query((rs, i) -> new PatientChart.DiagnosisRow(rs.getObject("encounter_id", UUID.class),
                        new CodedValue(rs.getString("code_system"), rs.getString("code"), rs.getString("display")),
                        rs.getBoolean("principal"), rs.getString("poa"), instant(rs, "onset_at"),
                        instant(rs, "resolved_at")))
                .list();
    }

    private List<PatientChart.ProcedureRow> procedures(UUID id, int limit) {
        return jdbc.sql("SELECT * FROM procedure_performed WHERE patient_id = :id AND NOT entered_in_error"
                        + " ORDER BY performed_at DESC NULLS LAST LIMIT :limit")
                .param("id", id).param("limit", limit)
                .query((rs, i) -> new PatientChart.ProcedureRow(rs.getObject("encounter_id", UUID.class),
                        new CodedValue(rs.getString("code_system"), rs.getString("code"), rs.getString("display")),
                        instant(rs, "performed_at")))
                .list();
    }

    private List<Observation> observations(UUID id, int limit) {
        return jdbc.sql("SELECT * FROM observation WHERE patient_id = :id AND NOT entered_in_error ORDER BY observed_at DESC LIMIT :limit")
                .param("id", id).param("limit", limit)
                .query((rs, i) -> new Observation(rs.getObject("id", UUID.class), id,
                        rs.getObject("encounter_id", UUID.class), rs.getString("loinc_code"), rs.getString("display"),
                        rs.getObject("value_numeric", BigDecimal.class), rs.getString("value_text"),
                        rs.getString("unit"), rs.getObject("reference_low", BigDecimal.class),
                        rs.getObject("reference_high", BigDecimal.class),
                        rs.getString("abnormal_flag") == null ? null
                                : Observation.AbnormalFlag.valueOf(rs.getString("abnormal_flag")),
                        instant(rs, "observed_at"), Observation.Status.valueOf(rs.getString("status"))))
                .list();
    }

    /** The newest documents first, then the current version of just those (a document always has one). */
    private List<PatientChart.DocumentRow> documents(UUID id, int limit) {
        return jdbc.sql("""
                SELECT d.id, d.encounter_id, d.type, d.addendum_to, d.created_at, v.title, v.status, v.version,
                       v.signed_at,
                       (SELECT trim(pr.given || ' ' || pr.family) FROM practitioner pr WHERE pr.id = v.author_id) AS author
                  FROM (SELECT id, encounter_id, type, addendum_to, created_at FROM document WHERE patient_id = :id
                         ORDER BY created_at DESC LIMIT :limit) d
                  JOIN LATERAL (SELECT dv.title, dv.status, dv.version, dv.signed_at, dv.author_id
                                  FROM document_version dv WHERE dv.document_id = d.id
                                 ORDER BY dv.version DESC LIMIT 1) v ON true
                 ORDER BY d.created_at DESC""").param("id", id).param("limit", limit)
                .query((rs, i) -> new PatientChart.DocumentRow(rs.getObject("id", UUID.class),
                        rs.getObject("encounter_id", UUID.class), DocumentType.valueOf(rs.getString("type")),
                        rs.getString("title"), DocumentStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                        rs.getString("author"), instant(rs, "signed_at"), instant(rs, "created_at"),
                        rs.getObject("addendum_to", UUID.class)))
                .list();
    }
}
