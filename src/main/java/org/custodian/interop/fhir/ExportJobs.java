package org.custodian.interop.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Bulk export jobs and their files ({@code fhir_export_job}, {@code fhir_export_file}). */
@Repository
class ExportJobs {
    enum Level { SYSTEM, PATIENT, GROUP }

    enum Status { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }

    record Job(UUID id, String requestedBy, String requestUrl, Level level, UUID groupId, List<String> types,
               Instant since, Status status, int patientsTotal, int patientsDone, long resources, long bytes,
               String error, Instant createdAt, Instant finishedAt) {
    }

    record ExportFile(String resourceType, String fileName, long resources, long bytes) {
    }

    /** Updates from the running job leave a cancelled one as it is. */
    private static final String LIVE = " AND status <> 'CANCELLED'";

    private final JdbcClient jdbc;

    ExportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Job create(String requestedBy, String requestUrl, Level level, UUID groupId, List<String> types, Instant since) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO fhir_export_job (id, requested_by, request_url, level, group_id, types, since, status)
                VALUES (:id, :by, :url, :level, :group, :types, :since, 'QUEUED')""")
                .param("id", id).param("by", requestedBy).param("url", requestUrl).param("level", level.name())
                .param("group", groupId).param("types", String.join(",", types))
                .param("since", since == null ? null : Timestamp.from(since)).update();
        return find(id).orElseThrow();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("SELECT * FROM fhir_export_job WHERE id = :id").param("id", id).query(ExportJobs::job).optional();
    }

    void started(UUID id, int patients) {
        jdbc.sql("UPDATE fhir_export_job SET status = 'RUNNING', patients_total = :n WHERE id = :id" + LIVE)
                .param("n", patients).param("id", id).update();
    }

    void progress(UUID id, int patientsDone, long resources, long bytes) {
        jdbc.sql("UPDATE fhir_export_job SET patients_done = :done, resources = :r, bytes = :b WHERE id = :id" + LIVE)
                .param("done", patientsDone).param("r", resources).param("b", bytes).param("id", id).update();
    }

    /** Records the files and completes the job, unless it was cancelled meanwhile; true if it completed. */
    @Transactional
    boolean completed(UUID id, List<ExportFile> files) {
        if (jdbc.sql("SELECT status FROM fhir_export_job WHERE id = :id FOR UPDATE").param("id", id).query(String.class)
                .single().equals(Status.CANCELLED.name())) {
            return false;
        }
        for (ExportFile f : files) {
            jdbc.sql("""
                    INSERT INTO fhir_export_file (job_id, resource_type, file_name, resources, bytes)
                    VALUES (:id, :type, :name, :r, :b)""").param("id", id).param("type", f.resourceType())
                    .param("name", f.fileName()).param("r", f.resources()).param("b", f.bytes()).update();
        }
        jdbc.sql("UPDATE fhir_export_job SET status = 'COMPLETED', finished_at = now() WHERE id = :id")
                .param("id", id).update();
        return true;
    }

    void failed(UUID id, String error) {
        jdbc.sql("UPDATE fhir_export_job SET status = 'FAILED', error = :e, finished_at = now() WHERE id = :id" + LIVE)
                .param("e", error).param("id", id).update();
    }

    /** Marks the job cancelled and forgets its files; false if it was cancelled already. */
    @Transactional
    boolean cancel(UUID id) {
        jdbc.sql("DELETE FROM fhir_export_file WHERE job_id = :id").param("id", id).update();
        return jdbc.sql("UPDATE fhir_export_job SET status = 'CANCELLED', finished_at = now() WHERE id = :id"
                + " AND status <> 'CANCELLED'").param("id", id).update() == 1;
    }

    List<ExportFile> files(UUID id) {
        return jdbc.sql("SELECT * FROM fhir_export_file WHERE job_id = :id ORDER BY resource_type").param("id", id)
                .query((rs, i) -> new ExportFile(rs.getString("resource_type"), rs.getString("file_name"),
                        rs.getLong("resources"), rs.getLong("bytes"))).list();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        Timestamp since = rs.getTimestamp("since");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(rs.getObject("id", UUID.class), rs.getString("requested_by"), rs.getString("request_url"),
                Level.valueOf(rs.getString("level")), rs.getObject("group_id", UUID.class),
                List.of(rs.getString("types").split(",")), since == null ? null : since.toInstant(),
                Status.valueOf(rs.getString("status")), rs.getInt("patients_total"), rs.getInt("patients_done"),
                rs.getLong("resources"), rs.getLong("bytes"), rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
