package org.custodian.scanning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.record.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scans, their indexing history and the rejected list; the files themselves are in {@link ScanStore}. */
@Repository
class ScanRepository {
    private static final String COLUMNS = """
            s.id, s.sha256, s.size_bytes, s.media_type, s.pages, s.original_name, s.facility_id, s.uploaded_by,
            s.uploaded_at, s.status, s.patient_id, s.encounter_id, s.document_type, s.document_date, s.indexed_by,
            s.indexed_at, s.flag_reason, s.flag_comment, s.flagged_by, s.flagged_at""";
    /** A patient's record is held by a facility in the user's scope. */
    private static final String IN_SCOPE = """
            EXISTS (SELECT 1 FROM patient_identifier pi WHERE pi.patient_id = s.patient_id
                    AND pi.facility_id = ANY(:scope))""";

    private final JdbcClient jdbc;

    ScanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Scan scan) {
        jdbc.sql("""
                        INSERT INTO scan_document (id, sha256, size_bytes, media_type, pages, original_name, facility_id,
                                                   uploaded_by, uploaded_at, status)
                        VALUES (:id, :sha, :size, :type, :pages, :name, :facility, :by, :at, 'UNINDEXED')""")
                .param("id", scan.id()).param("sha", scan.sha256()).param("size", scan.sizeBytes())
                .param("type", scan.mediaType().name()).param("pages", scan.pages()).param("name", scan.originalName())
                .param("facility", scan.facilityId()).param("by", scan.uploadedBy())
                .param("at", Timestamp.from(scan.uploadedAt())).update();
    }

    void insertRejected(RejectedScan r) {
        jdbc.sql("""
                        INSERT INTO scan_rejected (id, original_name, declared_type, size_bytes, sha256, reason, facility_id,
                                                   received_by, received_at)
                        VALUES (:id, :name, :declared, :size, :sha, :reason, :facility, :by, :at)""")
                .param("id", r.id()).param("name", r.originalName()).param("declared", r.declaredType())
                .param("size", r.sizeBytes()).param("sha", r.sha256()).param("reason", r.reason())
                .param("facility", r.facilityId()).param("by", r.receivedBy())
                .param("at", Timestamp.from(r.receivedAt())).update();
    }

    Optional<Scan> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scan_document s WHERE s.id = :id").param("id", id)
                .query(ScanRepository::scan).optional();
    }

    /** Scans waiting for an indexer, oldest first: those sent for the user's facilities or for none. */
    List<Scan> unindexed(Collection<UUID> scope, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM scan_document s WHERE s.status = 'UNINDEXED'
                          AND (s.facility_id IS NULL OR s.facility_id = ANY(:scope))
                        ORDER BY s.uploaded_at, s.id LIMIT :limit""")
                .param("scope", scope.toArray(UUID[]::new)).param("limit", limit).query(ScanRepository::scan).list();
    }

    /** Indexed scans waiting for QA and flagged ones, flagged first, for patients in the user's scope. */
    List<Scan> qaQueue(Collection<UUID> scope, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scan_document s WHERE s.status IN ('INDEXED', 'FLAGGED') AND "
                        + IN_SCOPE + " ORDER BY s.status = 'FLAGGED' DESC, s.indexed_at, s.id LIMIT :limit")
                .param("scope", scope.toArray(UUID[]::new)).param("limit", limit).query(ScanRepository::scan).list();
    }

    List<Scan> byPatient(UUID patientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scan_document s WHERE s.patient_id = :p"
                        + " ORDER BY s.document_date DESC, s.uploaded_at DESC")
                .param("p", patientId).query(ScanRepository::scan).list();
    }

    List<RejectedScan> rejected(Collection<UUID> scope, int limit) {
        return jdbc.sql("""
                        SELECT id, original_name, declared_type, size_bytes, sha256, reason, facility_id, received_by,
                               received_at
                          FROM scan_rejected WHERE facility_id IS NULL OR facility_id = ANY(:scope)
                         ORDER BY received_at DESC, id LIMIT :limit""")
                .param("scope", scope.toArray(UUID[]::new)).param("limit", limit)
                .query((rs, n) -> new RejectedScan(rs.getObject("id", UUID.class), rs.getString("original_name"),
                        rs.getString("declared_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("reason"), rs.getObject("facility_id", UUID.class), rs.getString("received_by"),
                        rs.getTimestamp("received_at").toInstant())).list();
    }

    /** Files the scan; false when it is no longer in one of {@code from} (someone else changed it meanwhile). */
    boolean file(UUID id, Filing filing, ScanStatus to, String by, Instant at, Collection<ScanStatus> from) {
        return jdbc.sql("""
                        UPDATE scan_document SET status = :to, patient_id = :p, encounter_id = :e, document_type = :t,
                               document_date = :d, indexed_by = :by, indexed_at = :at,
                               flag_reason = NULL, flag_comment = NULL, flagged_by = NULL, flagged_at = NULL
                         WHERE id = :id AND status = ANY(:from)""")
                .param("to", to.name()).param("p", filing.patientId()).param("e", filing.encounterId())
                .param("t", filing.documentType().name()).param("d", filing.documentDate()).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).param("from", names(from)).update() == 1;
    }

    boolean confirm(UUID id, Collection<ScanStatus> from) {
        return jdbc.sql("""
                        UPDATE scan_document SET status = 'CONFIRMED', flag_reason = NULL, flag_comment = NULL,
                               flagged_by = NULL, flagged_at = NULL
                         WHERE id = :id AND status = ANY(:from)""")
                .param("id", id).param("from", names(from)).update() == 1;
    }

    boolean flag(UUID id, Scan.Flag flag, Collection<ScanStatus> from) {
        return jdbc.sql("""
                        UPDATE scan_document SET status = 'FLAGGED', flag_reason = :r, flag_comment = :c, flagged_by = :by,
                               flagged_at = :at
                         WHERE id = :id AND status = ANY(:from)""")
                .param("r", flag.reason().name()).param("c", flag.comment()).param("by", flag.by())
                .param("at", Timestamp.from(flag.at())).param("id", id).param("from", names(from)).update() == 1;
    }

    void append(UUID scanId, IndexStep step) {
        jdbc.sql("""
                        INSERT INTO scan_index_event (scan_id, at, actor, action, from_patient, from_label, to_patient,
                               to_label, from_encounter, to_encounter, from_type, to_type, from_date, to_date,
                               flag_reason, comment)
                        VALUES (:scan, :at, :actor, :action, :fp, :fl, :tp, :tl, :fe, :te, :ft, :tt, :fd, :td, :fr, :c)""")
                .param("scan", scanId).param("at", Timestamp.from(step.at())).param("actor", step.actor())
                .param("action", step.action().name()).param("fp", step.fromPatient()).param("fl", step.fromLabel())
                .param("tp", step.toPatient()).param("tl", step.toLabel()).param("fe", step.fromEncounter())
                .param("te", step.toEncounter()).param("ft", name(step.fromType())).param("tt", name(step.toType()))
                .param("fd", step.fromDate()).param("td", step.toDate()).param("fr", name(step.flagReason()))
                .param("c", step.comment()).update();
    }

    List<IndexStep> history(UUID scanId) {
        return jdbc.sql("SELECT * FROM scan_index_event WHERE scan_id = :id ORDER BY id").param("id", scanId)
                .query((rs, n) -> new IndexStep(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        IndexAction.valueOf(rs.getString("action")), rs.getObject("from_patient", UUID.class),
                        rs.getString("from_label"), rs.getObject("to_patient", UUID.class), rs.getString("to_label"),
                        rs.getObject("from_encounter", UUID.class), rs.getObject("to_encounter", UUID.class),
                        type(rs.getString("from_type")), type(rs.getString("to_type")),
                        date(rs, "from_date"), date(rs, "to_date"),
                        rs.getString("flag_reason") == null ? null : FlagReason.valueOf(rs.getString("flag_reason")),
                        rs.getString("comment"))).list();
    }

    boolean encounterBelongsTo(UUID encounterId, UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM encounter WHERE id = :e AND patient_id = :p")
                .param("e", encounterId).param("p", patientId).query(Long.class).single() == 1;
    }

    List<EncounterChoice> encounters(UUID patientId) {
        return jdbc.sql("""
                        SELECT e.id, e.visit_number, e.class, e.admit_at, f.code
                          FROM encounter e JOIN facility f ON f.id = e.facility_id
                         WHERE e.patient_id = :p ORDER BY e.admit_at DESC LIMIT 200""")
                .param("p", patientId)
                .query((rs, n) -> new EncounterChoice(rs.getObject("id", UUID.class), rs.getString("visit_number"),
                        org.custodian.record.EncounterClass.valueOf(rs.getString("class")), rs.getTimestamp("admit_at").toInstant(), rs.getString("code")))
                .list();
    }

    /** "Family, Given (GH 000123)": how a chart is named in the history, as it was when the step was taken. */
    Optional<String> patientLabel(UUID patientId) {
        return jdbc.sql("""
                        SELECT p.family || ', ' || p.given || coalesce(' (' || (
                               SELECT string_agg(f.code || ' ' || pi.value, ', ' ORDER BY f.code, pi.value)
                                 FROM patient_identifier pi JOIN facility f ON f.id = pi.facility_id
                                WHERE pi.patient_id = p.id) || ')', '')
                          FROM patient p WHERE p.id = :p""")
                .param("p", patientId).query(String.class).optional();
    }

    private static Scan scan(ResultSet rs, int row) throws SQLException {
        UUID patient = rs.getObject("patient_id", UUID.class);
        Filing filing = patient == null ? null : new Filing(patient, rs.getObject("encounter_id", UUID.class),
                DocumentType.valueOf(rs.getString("document_type")), date(rs, "document_date"));
        String flagReason = rs.getString("flag_reason");
        Scan.Flag flag = flagReason == null ? null : new Scan.Flag(FlagReason.valueOf(flagReason),
                rs.getString("flag_comment"), rs.getString("flagged_by"), instant(rs, "flagged_at"));
        return new Scan(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getLong("size_bytes"),
                ScanMediaType.valueOf(rs.getString("media_type")), rs.getInt("pages"), rs.getString("original_name"),
                rs.getObject("facility_id", UUID.class), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
                ScanStatus.valueOf(rs.getString("status")), filing, rs.getString("indexed_by"),
                instant(rs, "indexed_at"), flag);
    }

    private static String[] names(Collection<ScanStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static DocumentType type(String name) {
        return name == null ? null : DocumentType.valueOf(name);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
