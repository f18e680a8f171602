package org.custodian.transcription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.DocumentDuty;
import org.custodian.privacy.Permission;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentChangeException;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterRepository;
import org.custodian.record.PatientRepository;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transcriptionist's and QA reviewer's steps: type a document from its template, edit it (or an
 * HL7 draft), send it to QA, and pass it to the author's signature queue or return it with a comment.
 * The text is kept as record document versions; every step is decided and audited.
 */
@Service
public class TranscriptionWork {
    static final String SOURCE = "custodian-transcription";

    private final JobRepository jobs;
    private final TranscriptionAudit audit;
    private final DocumentRepository documents;
    private final RecordWriter writer;
    private final PatientRepository patients;
    private final EncounterRepository encounters;
    private final PractitionerRepository practitioners;
    private final TranscriptionTemplates templates;
    private final Clock clock;

    TranscriptionWork(JobRepository jobs, TranscriptionAudit audit, DocumentRepository documents, RecordWriter writer,
                      PatientRepository patients, EncounterRepository encounters, PractitionerRepository practitioners,
                      TranscriptionTemplates templates, Optional<Clock> clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.documents = documents;
        this.writer = writer;
        this.patients = patients;
        this.encounters = encounters;
        this.practitioners = practitioners;
        this.templates = templates;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Files a new draft document for the patient and queues it for transcription. */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob create(CustodianUser user, NewTranscription n) {
        audit.requireAny(user, "typing documents", Permission.TRANSCRIBE_DOCUMENTS);
        if (n.mrn() == null || n.mrn().isBlank()) {
            throw new TranscriptionRefused("MRN: enter the patient's medical record number");
        }
        if (n.type() == null || n.type() == DocumentType.ADDENDUM) {
            throw new TranscriptionRefused("document type: choose what kind of document this is (addenda are added to signed documents)");
        }
        requireText(n.body(), "text: the document is empty; type the dictation before saving");
        String mrn = n.mrn().strip();
        Located patient = locate(user, mrn);
        UUID encounterId = visit(patient, n.visitNumber());
        Practitioner author = practitioner(n.authorId(), "author");
        requireCosigner(author.id(), n.cosignerId());
        audit.decideNewDocument(user, patient.patientId(), "type a document for MRN " + mrn);
        Instant now = clock.instant();
        UUID documentId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        String title = n.title() == null || n.title().isBlank() ? templates.of(n.type()).title() : n.title().strip();
        Provenance prov = new Provenance(SOURCE, "job " + jobId, now, user.getUsername());
        writer.batch().document(new ClinicalDocument(documentId, patient.patientId(), encounterId, n.type(), null, now,
                List.of(new DocumentVersion(1, DocumentStatus.DRAFT, title, text(n.body()), author.id(), null, null, null,
                        prov)))).flush();
        jobs.insert(jobId, documentId, JobSource.TYPED, JobStatus.TRANSCRIBING, author.id(), n.cosignerId(),
                user.getUsername(), now);
        audit.success(user, AuditAction.CREATE, patient.patientId(), documentId, "transcribed " + n.type()
                + " dictated by " + author.displayName() + " (job " + jobId + ")");
        return jobs.get(jobId);
    }

    /**
     * Saves the text (a new draft version when it changed), the author and the co-signer. The
     * transcriptionist edits while transcribing, the reviewer during QA; {@code expectedVersion} is the
     * version the editor showed, so a concurrent edit is refused rather than overwritten.
     */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob edit(CustodianUser user, UUID jobId, int expectedVersion, String body, UUID authorId,
                                 UUID cosignerId) {
        TranscriptionJob job = jobs.get(jobId);
        Permission permission = switch (job.status()) {
            case TRANSCRIBING -> Permission.TRANSCRIBE_DOCUMENTS;
            case QA_REVIEW -> Permission.REVIEW_TRANSCRIPTION;
            default -> throw new TranscriptionRefused("job " + jobId + " is " + job.status().label().toLowerCase()
                    + "; only documents being transcribed or in QA can be edited (a signed document gets an addendum)");
        };
        audit.requireAny(user, "editing this document", permission);
        requireText(body, "text: the document is empty; an empty document cannot be saved");
        Practitioner author = practitioner(authorId, "author");
        requireCosigner(author.id(), cosignerId);
        audit.decideJob(user, permission, AuditAction.UPDATE, job, "edit this document");
        Instant now = clock.instant();
        ClinicalDocument doc = documents.find(job.documentId()).orElseThrow();
        String text = text(body);
        if (!doc.current().body().equals(text) || doc.current().version() != expectedVersion) {
            try {
                documents.revise(job.documentId(), expectedVersion, text, "transcription edit",
                        new Provenance(SOURCE, "job " + jobId, now, user.getUsername()));
            } catch (DocumentChangeException e) {
                throw new TranscriptionRefused(e.getMessage());
            }
        }
        jobs.edited(jobId, author.id(), cosignerId,
                job.status() == JobStatus.TRANSCRIBING ? user.getUsername() : job.transcribedBy(), now);
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), "transcription edit, version "
                + expectedVersion + " edited");
        return jobs.get(jobId);
    }

    /** The transcriptionist is done: the document goes to QA review. */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob submit(CustodianUser user, UUID jobId) {
        TranscriptionJob job = jobs.get(jobId);
        audit.requireAny(user, "sending documents to QA", Permission.TRANSCRIBE_DOCUMENTS);
        requireStatus(job, JobStatus.TRANSCRIBING, "sent to QA");
        if (job.authorId() == null) {
            throw new TranscriptionRefused("job " + jobId + ": name the author who dictated it before sending it to QA");
        }
        audit.decideJob(user, Permission.TRANSCRIBE_DOCUMENTS, AuditAction.UPDATE, job, "send this document to QA");
        move(job, JobStatus.QA_REVIEW);
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), "sent to QA review (job " + jobId + ")");
        return jobs.get(jobId);
    }

    /** QA passes the document: it goes to its author's signature queue. */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob pass(CustodianUser user, UUID jobId) {
        TranscriptionJob job = reviewable(user, jobId, "pass");
        move(job, JobStatus.AWAITING_SIGNATURE);
        jobs.reviewed(jobId, user.getUsername(), null);
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), "QA passed; routed to "
                + job.authorName() + " for signature");
        return jobs.get(jobId);
    }

    /** QA returns the document to transcription with a comment saying what to fix. */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob returnForCorrection(CustodianUser user, UUID jobId, String comment) {
        requireText(comment, "comment: say what must be corrected before returning the document");
        TranscriptionJob job = reviewable(user, jobId, "return");
        move(job, JobStatus.TRANSCRIBING);
        jobs.reviewed(jobId, user.getUsername(), comment.strip());
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), "QA returned for correction");
        return jobs.get(jobId);
    }

    /**
     * The user takes a job no one holds: the transcriptionist for an HL7 draft still to transcribe, the
     * reviewer for a document waiting in QA. Holding a job is a duty on its document, the one way a
     * labelled document in the queue opens to a transcriptionist; taking it is decided and audited.
     */
    @Transactional(noRollbackFor = TranscriptionDenied.class)
    public TranscriptionJob take(CustodianUser user, UUID jobId) {
        TranscriptionJob job = jobs.get(jobId);
        Assignment assignment = Assignment.of(job)
                .orElseThrow(() -> new TranscriptionRefused("job " + jobId + " is " + job.status().label().toLowerCase()
                        + "; only documents to transcribe or in QA review are taken"));
        audit.requireAny(user, assignment.what(), assignment.permission());
        if (assignment.holder() != null) {
            throw new TranscriptionRefused("job " + jobId + " is already held by " + assignment.holder());
        }
        if (assignment.duty() == DocumentDuty.QA_REVIEWER && user.getUsername().equals(job.transcribedBy())) {
            throw new TranscriptionRefused("job " + jobId + ": you transcribed this document; another reviewer must QA it");
        }
        String reason = audit.decideJob(user, assignment.permission(), AuditAction.UPDATE, job,
                Set.of(assignment.duty()), "take this document");
        if (!jobs.take(jobId, job.status(), assignment.duty(), user.getUsername())) {
            throw new TranscriptionRefused("job " + jobId + " was taken or moved on by someone else; reload the queue");
        }
        audit.success(user, AuditAction.UPDATE, job.patientId(), job.documentId(), "took job " + jobId + " for "
                + assignment.what() + "; " + reason);
        return jobs.get(jobId);
    }

    private TranscriptionJob reviewable(CustodianUser user, UUID jobId, String verb) {
        TranscriptionJob job = jobs.get(jobId);
        audit.requireAny(user, "QA review", Permission.REVIEW_TRANSCRIPTION);
        requireStatus(job, JobStatus.QA_REVIEW, "pass".equals(verb) ? "passed by QA" : "returned by QA");
        if (user.getUsername().equals(job.transcribedBy())) {
            throw new TranscriptionRefused("job " + jobId + ": you transcribed this document; another reviewer must QA it");
        }
        audit.decideJob(user, Permission.REVIEW_TRANSCRIPTION, AuditAction.UPDATE, job, verb + " this document in QA");
        return job;
    }

    private void move(TranscriptionJob job, JobStatus to) {
        if (!jobs.move(job.id(), job.status(), to, clock.instant())) {
            throw new TranscriptionRefused("job " + job.id() + " was moved on by someone else; reload it");
        }
    }

    static void requireStatus(TranscriptionJob job, JobStatus expected, String what) {
        if (job.status() != expected) {
            throw new TranscriptionRefused("job " + job.id() + " is " + job.status().label().toLowerCase()
                    + "; only a document in " + expected.label().toLowerCase() + " can be " + what);
        }
    }

    private Located locate(CustodianUser user, String mrn) {
        for (UUID facility : user.facilityIds()) {
            Optional<UUID> found = patients.findByMrn(facility, mrn);
            if (found.isPresent()) {
                return new Located(found.get(), facility);
            }
        }
        throw new TranscriptionRefused("MRN '" + mrn + "': no patient with this medical record number at your facilities");
    }

    private UUID visit(Located patient, String visitNumber) {
        if (visitNumber == null || visitNumber.isBlank()) {
            return null;
        }
        Encounter encounter = encounters.byVisitNumber(patient.facilityId(), visitNumber.strip())
                .filter(e -> e.patientId().equals(patient.patientId()))
                .orElseThrow(() -> new TranscriptionRefused("visit '" + visitNumber.strip()
                        + "': not one of this patient's visits at the facility that issued the MRN"));
        return encounter.id();
    }

    private Practitioner practitioner(UUID id, String role) {
        if (id == null) {
            throw new TranscriptionRefused(role + ": choose the physician who dictated the document");
        }
        return practitioners.find(id).orElseThrow(() -> new TranscriptionRefused(role + ": no practitioner " + id));
    }

    private void requireCosigner(UUID authorId, UUID cosignerId) {
        if (cosignerId == null) {
            return;
        }
        practitioner(cosignerId, "co-signer");
        if (Objects.equals(authorId, cosignerId)) {
            throw new TranscriptionRefused("co-signer: must be an attending other than the author");
        }
    }

    static void requireText(String text, String problem) {
        if (text == null || text.isBlank()) {
            throw new TranscriptionRefused(problem);
        }
    }

    static String text(String body) {
        return body.replace("\r\n", "\n").strip();
    }

    private record Located(UUID patientId, UUID facilityId) {
    }

    /** Who holds a job at its stage, and what taking it means. */
    private record Assignment(DocumentDuty duty, Permission permission, String what, String holder) {
        static Optional<Assignment> of(TranscriptionJob job) {
            return switch (job.status()) {
                case TRANSCRIBING -> Optional.of(new Assignment(DocumentDuty.TRANSCRIPTIONIST,
                        Permission.TRANSCRIBE_DOCUMENTS, "transcription", job.transcribedBy()));
                case QA_REVIEW -> Optional.of(new Assignment(DocumentDuty.QA_REVIEWER, Permission.REVIEW_TRANSCRIPTION,
                        "QA review", job.reviewedBy()));
                default -> Optional.empty();
            };
        }
    }
}
