package org.custodian.transcription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.DocumentDuty;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.PatientDocument;
import org.springframework.stereotype.Service;

/**
 * The lists people work from: the transcription and QA queue, each physician's signature queue,
 * and one job opened with its document. Lists name patients, so each row is decided by the access
 * policy and each list is audited; a document is read through {@link PhiAccess}.
 */
@Service
public class TranscriptionQueue {
    private static final int LIMIT = 300;

    private final JobRepository jobs;
    private final TranscriptionAudit audit;
    private final PhiAccess phi;
    private final UserAccounts accounts;

    TranscriptionQueue(JobRepository jobs, TranscriptionAudit audit, PhiAccess phi, UserAccounts accounts) {
        this.jobs = jobs;
        this.audit = audit;
        this.phi = phi;
        this.accounts = accounts;
    }

    /** Documents in these states at the user's facilities, oldest first. */
    public QueuePage work(CustodianUser user, Collection<JobStatus> statuses) {
        audit.requireAny(user, "the transcription queue", Permission.TRANSCRIBE_DOCUMENTS, Permission.REVIEW_TRANSCRIPTION);
        QueuePage page = openable(user, jobs.inStatus(statuses, user.facilityIds(), LIMIT));
        audit.list(user, "work", "transcription queue " + statuses + ": " + page.jobs().size() + " documents of "
                + patients(page.jobs()) + " patients" + (page.toTake().isEmpty() ? "" : ", " + page.toTake().size()
                + " labelled to take (untitled)") + (page.withheld() > 0 ? ", " + page.withheld() + " withheld" : ""));
        return page;
    }

    /** What waits for the signed-in physician's signature or co-signature; empty when the account signs as no one. */
    public Optional<QueuePage> signatures(CustodianUser user) {
        audit.requireAny(user, "a signature queue", Permission.SIGN_DOCUMENTS);
        Optional<UUID> practitioner = accounts.practitionerOf(user.getUsername());
        if (practitioner.isEmpty()) {
            return Optional.empty();
        }
        QueuePage page = visible(user, jobs.waitingFor(practitioner.get(), user.facilityIds(), LIMIT));
        audit.list(user, "signatures/" + practitioner.get(), "signature queue: " + page.jobs().size()
                + " documents of " + patients(page.jobs()) + " patients");
        return Optional.of(page);
    }

    /**
     * One job with its document; the read is decided and audited by {@link PhiAccess} as work on the
     * document, so a labelled one opens only to those with a duty on it (author, co-signer, the
     * transcriptionist and reviewer who hold it).
     */
    public JobView open(CustodianUser user, UUID jobId) {
        audit.requireAny(user, "transcription", Permission.TRANSCRIBE_DOCUMENTS, Permission.REVIEW_TRANSCRIPTION,
                Permission.SIGN_DOCUMENTS);
        TranscriptionJob job = jobs.get(jobId);
        PatientDocument document = phi.documentForWork(user, job.documentId(), audit.duties(user, job))
                .orElseThrow(() -> new TranscriptionRefused("job " + jobId + ": its document " + job.documentId()
                        + " is not in the record"));
        return new JobView(job, document);
    }

    /** The transcription job of a document, if it went through transcription. */
    public Optional<UUID> jobOf(UUID documentId) {
        return jobs.forDocument(documentId).map(TranscriptionJob::id);
    }

    /** Practitioners with signing accounts at the user's facilities: who may be named author or co-signer. */
    public List<Signer> signers(CustodianUser user) {
        return jobs.signers(user.facilityIds());
    }

    public Optional<UUID> practitionerOf(CustodianUser user) {
        return accounts.practitionerOf(user.getUsername());
    }

    /** Signature queue rows: each waits for the user as author or co-signer, a duty that opens a labelled document. */
    private QueuePage visible(CustodianUser user, List<TranscriptionJob> rows) {
        Function<TranscriptionJob, Set<DocumentDuty>> duties = audit.dutiesOf(user);
        List<TranscriptionJob> shown = rows.stream()
                .filter(j -> audit.permitsJob(user, Permission.SIGN_DOCUMENTS, j, duties.apply(j))).toList();
        return new QueuePage(shown, List.of(), rows.size() - shown.size());
    }

    /**
     * The work queue's rows whose documents the user may open (a row names the document and carries QA
     * comments on its text), decided as work on the document with the user's duties on it; labelled
     * documents no one holds at their stage, which the user would open once they take them, are listed
     * apart without their title; the rest are withheld.
     */
    private QueuePage openable(CustodianUser user, List<TranscriptionJob> rows) {
        List<TranscriptionJob> shown = new ArrayList<>();
        List<TranscriptionJob> toTake = new ArrayList<>();
        Function<TranscriptionJob, Set<DocumentDuty>> duties = audit.dutiesOf(user);
        for (TranscriptionJob job : rows) {
            if (audit.permitsJob(user, Permission.READ_CHART, job, duties.apply(job))) {
                shown.add(job);
            } else if (takeable(user, job)) {
                toTake.add(job);
            }
        }
        return new QueuePage(shown, toTake, rows.size() - shown.size() - toTake.size());
    }

    private boolean takeable(CustodianUser user, TranscriptionJob job) {
        return switch (job.status()) {
            case TRANSCRIBING -> job.transcribedBy() == null && user.can(Permission.TRANSCRIBE_DOCUMENTS)
                    && audit.permitsJob(user, Permission.TRANSCRIBE_DOCUMENTS, job, Set.of(DocumentDuty.TRANSCRIPTIONIST));
            case QA_REVIEW -> job.reviewedBy() == null && user.can(Permission.REVIEW_TRANSCRIPTION)
                    && !user.getUsername().equals(job.transcribedBy())
                    && audit.permitsJob(user, Permission.REVIEW_TRANSCRIPTION, job, Set.of(DocumentDuty.QA_REVIEWER));
            default -> false;
        };
    }

    private static long patients(List<TranscriptionJob> rows) {
        return rows.stream().map(TranscriptionJob::patientId).distinct().count();
    }
}
