package org.custodian.transcription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.DocumentDuty;
import org.custodian.record.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Transcription jobs, read together with their document's patient, type, title and current version. */
@Repository
class JobRepository {
    private static final String SELECT = """
            SELECT j.*, d.patient_id, d.type, p.given || ' ' || p.family AS patient_name, cv.title, cv.version,
                   nullif(a.given || ' ', ' ') || a.family AS author_name,
                   nullif(c.given || ' ', ' ') || c.family AS cosigner_name
              FROM transcription_job j
              JOIN document d ON d.id = j.document_id
              JOIN patient p ON p.id = d.patient_id
              JOIN LATERAL (SELECT v.title, v.version FROM document_version v WHERE v.document_id = d.id
                             ORDER BY v.version DESC LIMIT 1) cv ON true
              LEFT JOIN practitioner a ON a.id = j.author_id
              LEFT JOIN practitioner c ON c.id = j.cosigner_id
            """;
    private static final String IN_SCOPE = " EXISTS (SELECT 1 FROM patient_identifier i WHERE i.patient_id = d.patient_id"
            + " AND i.facility_id = ANY(:facilities)) ";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TranscriptionJob> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE j.id = :id").param("id", id).query(JobRepository::row).optional();
    }

    /** The job, or a refusal naming the id that matches none. */
    TranscriptionJob get(UUID id) {
        return find(id).orElseThrow(() -> new TranscriptionRefused("no transcription job " + id));
    }

    Optional<TranscriptionJob> forDocument(UUID documentId) {
        return jdbc.sql(SELECT + " WHERE j.document_id = :d").param("d", documentId).query(JobRepository::row).optional();
    }

    /** Jobs in these states at the given facilities, oldest first. */
    List<TranscriptionJob> inStatus(Collection<JobStatus> statuses, Set<UUID> facilities, int limit) {
        return jdbc.sql(SELECT + " WHERE j.status = ANY(:statuses) AND" + IN_SCOPE + " ORDER BY j.created_at, j.id LIMIT :limit")
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .param("facilities", facilities.toArray(UUID[]::new)).param("limit", limit)
                .query(JobRepository::row).list();
    }

    /** What waits for this practitioner: their own signatures and the co-signatures asked of them. */
    List<TranscriptionJob> waitingFor(UUID practitionerId, Set<UUID> facilities, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE ((j.status = 'AWAITING_SIGNATURE' AND j.author_id = :p)
                     OR (j.status = 'AWAITING_COSIGNATURE' AND j.cosigner_id = :p)) AND""" + IN_SCOPE
                + " ORDER BY j.created_at, j.id LIMIT :limit")
                .param("p", practitionerId).param("facilities", facilities.toArray(UUID[]::new)).param("limit", limit)
                .query(JobRepository::row).list();
    }

    void insert(UUID id, UUID documentId, JobSource source, JobStatus status, UUID authorId, UUID cosignerId,
                String transcribedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO transcription_job (id, document_id, source, status, author_id, cosigner_id, transcribed_by,
                                               created_at, updated_at)
                VALUES (:id, :d, :source, :status, :a, :c, :by, :at, :at)""")
                .param("id", id).param("d", documentId).param("source", source.name()).param("status", status.name())
                .param("a", authorId).param("c", cosignerId).param("by", transcribedBy).param("at", ts(at)).update();
    }

    /**
     * Queues the HL7 drafts of these patients that are not queued yet: documents whose first version
     * came from an HL7 interface and whose newest version is still a draft. Returns how many.
     */
    int queueInterfaceDrafts(Set<UUID> patientIds, Instant at) {
        return jdbc.sql("""
                INSERT INTO transcription_job (id, document_id, source, status, author_id, created_at, updated_at)
                SELECT gen_random_uuid(), d.id, 'HL7', 'TRANSCRIBING', first.author_id, :at, :at
                  FROM document d
                  JOIN document_version first ON first.document_id = d.id AND first.version = 1
                 WHERE d.patient_id = ANY(:patients)
                   AND first.source_system LIKE 'hl7v2:%'
                   AND NOT EXISTS (SELECT 1 FROM transcription_job j WHERE j.document_id = d.id)
                   AND (SELECT v.status FROM document_version v WHERE v.document_id = d.id
                         ORDER BY v.version DESC LIMIT 1) = 'DRAFT'
                ON CONFLICT (document_id) DO NOTHING""")
                .param("patients", patientIds.toArray(UUID[]::new)).param("at", ts(at)).update();
    }

    /**
     * Jobs past transcription whose draft an interface edited since (MDM^T08) go back to
     * transcription: QA passed other text than the one now in the record. Returns how many.
     */
    int reopenEditedByInterface(Set<UUID> patientIds, Instant at) {
        return jdbc.sql("""
                UPDATE transcription_job j SET status = 'TRANSCRIBING', updated_at = :at,
                       qa_comment = 'The text was changed through HL7 (MDM^T08) after this document left transcription; check it again.'
                  FROM document d
                 WHERE d.id = j.document_id AND d.patient_id = ANY(:patients)
                   AND j.status IN ('QA_REVIEW', 'AWAITING_SIGNATURE', 'AWAITING_COSIGNATURE')
                   AND EXISTS (SELECT 1 FROM document_version v
                                WHERE v.document_id = d.id AND v.status = 'DRAFT' AND v.source_system LIKE 'hl7v2:%'
                                  AND v.received_at > j.updated_at
                                  AND v.version = (SELECT max(m.version) FROM document_version m WHERE m.document_id = d.id))""")
                .param("patients", patientIds.toArray(UUID[]::new)).param("at", ts(at)).update();
    }

    /**
     * Jobs of these patients whose document was authenticated outside the workflow (an MDM^T08 saying
     * authenticated, the deficiency queue) are signed: the queue follows the record. Returns how many.
     */
    int closeSignedElsewhere(Set<UUID> patientIds, Instant at) {
        return jdbc.sql("""
                UPDATE transcription_job j SET status = 'SIGNED', updated_at = :at
                  FROM document d
                 WHERE d.id = j.document_id AND d.patient_id = ANY(:patients) AND j.status <> 'SIGNED'
                   AND (SELECT v.status FROM document_version v WHERE v.document_id = d.id
                         ORDER BY v.version DESC LIMIT 1) IN ('FINAL', 'AMENDED')""")
                .param("patients", patientIds.toArray(UUID[]::new)).param("at", ts(at)).update();
    }

    void edited(UUID id, UUID authorId, UUID cosignerId, String username, Instant at) {
        jdbc.sql("UPDATE transcription_job SET author_id = :a, cosigner_id = :c, transcribed_by = :u, updated_at = :at"
                        + " WHERE id = :id")
                .param("a", authorId).param("c", cosignerId).param("u", username).param("at", ts(at)).param("id", id).update();
    }

    /** Moves the job on, but only from the state the caller saw: a concurrent step wins, this one is refused. */
    boolean move(UUID id, JobStatus from, JobStatus to, Instant at) {
        return jdbc.sql("UPDATE transcription_job SET status = :to, updated_at = :at WHERE id = :id AND status = :from")
                .param("to", to.name()).param("from", from.name()).param("at", ts(at)).param("id", id).update() == 1;
    }

    /**
     * Assigns a job no one holds to the user, as its transcriptionist or (in QA) its reviewer, but only
     * in the state the caller saw and while no one holds it: false when someone was quicker.
     */
    boolean take(UUID id, JobStatus status, DocumentDuty duty, String username) {
        String column = switch (duty) {
            case TRANSCRIPTIONIST -> "transcribed_by";
            case QA_REVIEWER -> "reviewed_by";
            case AUTHOR, COSIGNER -> throw new IllegalArgumentException("authors and co-signers are named, not taken");
        };
        return jdbc.sql("UPDATE transcription_job SET " + column + " = :u WHERE id = :id AND status = :s AND "
                        + column + " IS NULL")
                .param("u", username).param("id", id).param("s", status.name()).update() == 1;
    }

    void reviewed(UUID id, String reviewer, String comment) {
        jdbc.sql("UPDATE transcription_job SET reviewed_by = :r, qa_comment = :c WHERE id = :id")
                .param("r", reviewer).param("c", comment).param("id", id).update();
    }

    void signed(UUID id, UUID practitionerId, Instant at) {
        jdbc.sql("UPDATE transcription_job SET signed_by = :p, signed_at = :at WHERE id = :id")
                .param("p", practitionerId).param("at", ts(at)).param("id", id).update();
    }

    void cosigned(UUID id, UUID practitionerId, Instant at) {
        jdbc.sql("UPDATE transcription_job SET cosigned_by = :p, cosigned_at = :at WHERE id = :id")
                .param("p", practitionerId).param("at", ts(at)).param("id", id).update();
    }

    /** Practitioners whose accounts can sign and share a facility with these: the authors a transcriptionist may name. */
    List<Signer> signers(Set<UUID> facilities) {
        return jdbc.sql("""
                SELECT DISTINCT pr.id, nullif(pr.given || ' ', ' ') || pr.family AS name
                  FROM app_user u
                  JOIN practitioner pr ON pr.id = u.practitioner_id
                  JOIN user_facility f ON f.user_id = u.id
                 WHERE u.enabled AND f.facility_id = ANY(:facilities)
                 ORDER BY name""")
                .param("facilities", facilities.toArray(UUID[]::new))
                .query((rs, n) -> new Signer(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static TranscriptionJob row(ResultSet rs, int n) throws SQLException {
        return new TranscriptionJob(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
                DocumentType.valueOf(rs.getString("type")), rs.getString("title"), rs.getInt("version"),
                JobSource.valueOf(rs.getString("source")), JobStatus.valueOf(rs.getString("status")),
                rs.getObject("author_id", UUID.class), rs.getString("author_name"),
                rs.getObject("cosigner_id", UUID.class), rs.getString("cosigner_name"),
                rs.getString("transcribed_by"), rs.getString("reviewed_by"), rs.getString("qa_comment"),
                instant(rs, "signed_at"), instant(rs, "cosigned_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
