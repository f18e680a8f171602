package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.privacy.PhiAccessDenied;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.ClinicalQueries.PatientCriteria;
import org.custodian.record.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * FHIR Bulk Data export: a job per kick-off, run in the background as the user who asked, through
 * the same door as every read: one patient search (audited) to find the patients in the user's
 * facilities (or the group's facility), then one audited read per patient. Each resource type goes
 * to its own NDJSON file under {@code <data>/fhir-export/<job>/}; progress is counted in the job row.
 */
@Service
class BulkExport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkExport.class);
    private static final int PROGRESS_EVERY = 25;
    private static final int READ_WINDOW = 8;
    static final int MAX_PATIENTS = 10_000_000;

    private final ExportJobs jobs;
    private final PhiAccess phi;
    private final ClinicalQueries queries;
    private final PatientRecordResources records;
    private final FhirContext fhir;
    private final Path root;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();

    BulkExport(ExportJobs jobs, PhiAccess phi, ClinicalQueries queries, PatientRecordResources records,
               FhirContext fhir, @Value("${custodian.data-directory:}") String dataDirectory) {
        this.jobs = jobs;
        this.phi = phi;
        this.queries = queries;
        this.records = records;
        this.fhir = fhir;
        this.root = (dataDirectory.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "custodian")
                : Path.of(dataDirectory)).resolve("fhir-export");
    }

    /** The types asked for ({@code _type}, comma separated), each one the record can export; all when absent. */
    static List<String> types(String typeParam) {
        if (typeParam == null || typeParam.isBlank()) {
            return PatientRecordResources.TYPES;
        }
        List<String> types = new ArrayList<>();
        for (String type : typeParam.split(",")) {
            String t = type.trim();
            if (!PatientRecordResources.TYPES.contains(t)) {
                throw new InvalidRequestException("_type: " + t + " is not exported; the record exports "
                        + String.join(",", PatientRecordResources.TYPES));
            }
            types.add(t);
        }
        return types;
    }

    ExportJobs.Job start(CustodianUser user, String requestUrl, ExportJobs.Level level, UUID facility,
                         List<String> types, Instant since) {
        ExportJobs.Job job = jobs.create(user.getUsername(), requestUrl, level, facility, types, since);
        running.put(job.id(), runner.submit(() -> {
            try {
                run(job, user);
            } finally {
                running.remove(job.id());
            }
        }));
        return job;
    }

    /** The job, if this user asked for it (nobody else may poll it or fetch its files) and did not cancel it. */
    Optional<ExportJobs.Job> job(CustodianUser user, UUID id) {
        return jobs.find(id).filter(j -> j.requestedBy().equals(user.getUsername()))
                .filter(j -> j.status() != ExportJobs.Status.CANCELLED);
    }

    /**
     * Cancels the job (Bulk Data IG: {@code DELETE} on the status URL), whether it is still running
     * or done: it stops, its files are removed, and its status and files answer 404 from then on.
     */
    void cancel(ExportJobs.Job job) throws IOException {
        if (!jobs.cancel(job.id())) {
            return;
        }
        Future<?> run = running.get(job.id());
        if (run != null) {
            run.cancel(true);
        }
        deleteFiles(job.id());
    }

    private void deleteFiles(UUID jobId) throws IOException {
        Path directory = directory(jobId);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }

    List<ExportJobs.ExportFile> files(UUID id) {
        return jobs.files(id);
    }

    Path file(UUID jobId, ExportJobs.ExportFile file) {
        return directory(jobId).resolve(file.fileName());
    }

    /** Where the job's files are written. */
    Path directory(UUID jobId) {
        return root.resolve(jobId.toString());
    }

    private void run(ExportJobs.Job job, CustodianUser user) {
        try {
            List<Patient> patients = patients(job, user);
            jobs.started(job.id(), patients.size());
            Path directory = Files.createDirectories(root.resolve(job.id().toString()));
            Map<String, NdjsonFile> files = new LinkedHashMap<>();
            IParser parser = fhir.newJsonParser().setPrettyPrint(false);
            long resources = 0;
            long bytes = 0;
            int done = 0;
            try {
                // reads run a window at a time: each waits for its audit event to be durable, and
                // concurrent waits share one group commit; output stays in patient order
                for (int start = 0; start < patients.size(); start += READ_WINDOW) {
                    List<java.util.concurrent.Future<List<Resource>>> window = new ArrayList<>();
                    for (Patient patient : patients.subList(start, Math.min(patients.size(), start + READ_WINDOW))) {
                        window.add(runner.submit(() -> read(user, job, patient)));
                    }
                    for (var reading : window) {
                        List<Resource> found = reading.get();
                        for (Resource resource : found) {
                            NdjsonFile file = files.computeIfAbsent(resource.fhirType(), t -> NdjsonFile.open(directory, t));
                            bytes += file.write(parser.encodeResourceToString(resource));
                        }
                        resources += found.size();
                        if (++done % PROGRESS_EVERY == 0) {
                            jobs.progress(job.id(), done, resources, bytes);
                        }
                    }
                }
            } finally {
                for (NdjsonFile file : files.values()) {
                    file.close();
                }
            }
            jobs.progress(job.id(), done, resources, bytes);
            if (!jobs.completed(job.id(), files.values().stream().map(NdjsonFile::summary).toList())) {
                deleteFiles(job.id()); // cancelled while the last file was closing
                return;
            }
            LOG.info("bulk export {}: {} patients, {} resources, {} bytes", job.id(), done, resources, bytes);
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            Thread.currentThread().interrupt();
            jobs.failed(job.id(), "interrupted: the server is stopping"); // no change if it was cancelled
            cleanUpCancelled(job.id());
        } catch (RuntimeException | IOException | java.util.concurrent.ExecutionException e) {
            LOG.warn("bulk export {} failed", job.id(), e);
            jobs.failed(job.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            cleanUpCancelled(job.id());
        }
    }

    /** A cancelled job's thread may still have been writing when its files were removed: removes what is left. */
    private void cleanUpCancelled(UUID jobId) {
        if (jobs.find(jobId).map(j -> j.status() == ExportJobs.Status.CANCELLED).orElse(false)) {
            try {
                deleteFiles(jobId);
            } catch (IOException e) {
                LOG.warn("bulk export {}: cancelled, but its files could not all be removed", jobId, e);
            }
        }
    }

    private List<Patient> patients(ExportJobs.Job job, CustodianUser user) {
        PatientCriteria all = new PatientCriteria(null, null, null, null, null, null, null, null);
        return phi.searchPatients(user, "FHIR bulk $export " + job.level() + " job " + job.id(), scope -> {
            Set<UUID> facilities = job.groupId() == null ? scope
                    : scope.contains(job.groupId()) ? Set.of(job.groupId()) : Set.of();
            return queries.searchPatients(all, facilities, MAX_PATIENTS);
        });
    }

    /**
     * One audited read per patient; a patient the user may no longer read is left out, and so are
     * the labelled encounters and documents they may not see, with what was recorded in them.
     */
    private List<Resource> read(CustodianUser user, ExportJobs.Job job, Patient patient) {
        try {
            return phi.readRecordWithout(user, patient.id(), "Bulk $export", job.id().toString(),
                    withheld -> Optional.of(records.of(patient, job.types(), job.since()).stream()
                            .filter(r -> WithheldResources.shown(r, withheld)).toList())).orElse(List.of());
        } catch (PhiAccessDenied denied) {
            return List.of();
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** One type's NDJSON output file. */
    private static final class NdjsonFile {
        private final String type;
        private final String name;
        private final Writer out;
        private long resources;
        private long bytes;

        private NdjsonFile(String type, String name, Writer out) {
            this.type = type;
            this.name = name;
            this.out = out;
        }

        static NdjsonFile open(Path directory, String type) {
            try {
                String name = type + ".ndjson";
                return new NdjsonFile(type, name, Files.newBufferedWriter(directory.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long write(String json) {
            try {
                out.write(json);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            resources++;
            long written = json.getBytes(StandardCharsets.UTF_8).length + 1L;
            bytes += written;
            return written;
        }

        void close() throws IOException {
            out.close();
        }

        ExportJobs.ExportFile summary() {
            return new ExportJobs.ExportFile(type, name, resources, bytes);
        }
    }
}
