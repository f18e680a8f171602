package org.custodian.transcription;

import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentChangeException;
import org.custodian.record.SigningRule;
import org.springframework.stereotype.Component;

/**
 * A transcribed document that requires a co-signature is authenticated only by its co-signer, after
 * the author signed in transcription: signing it any other way (e.g. from the deficiency queue) is refused.
 */
@Component
class CosignatureRule implements SigningRule {
    private final JobRepository jobs;

    CosignatureRule(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public void check(ClinicalDocument document, UUID signer) {
        jobs.forDocument(document.id()).filter(TranscriptionJob::needsCosignature).ifPresent(job -> {
            if (job.status() != JobStatus.AWAITING_COSIGNATURE) {
                throw new DocumentChangeException(document.id(), "it needs " + job.authorName()
                        + "'s signature in transcription and then " + job.cosignerName() + "'s co-signature (now "
                        + job.status().label().toLowerCase() + ")");
            }
            if (!job.cosignerId().equals(signer)) {
                throw new DocumentChangeException(document.id(), "only " + job.cosignerName()
                        + " can make it final by co-signing");
            }
        });
    }
}
