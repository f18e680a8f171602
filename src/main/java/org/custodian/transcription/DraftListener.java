package org.custodian.transcription;

import java.time.Instant;
import org.custodian.record.RecordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Drafts that arrive through HL7 (MDM^T02 with a non-final completion status) join the transcription
 * queue; a draft edited through HL7 after it left transcription goes back to it; documents
 * authenticated outside the workflow leave the queue as signed.
 */
@Component
class DraftListener {
    private final JobRepository jobs;

    DraftListener(JobRepository jobs) {
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(RecordChanged changed) {
        if (!changed.patientIds().isEmpty()) {
            Instant now = Instant.now();
            jobs.queueInterfaceDrafts(changed.patientIds(), now);
            jobs.reopenEditedByInterface(changed.patientIds(), now);
            jobs.closeSignedElsewhere(changed.patientIds(), now);
        }
    }
}
