package org.custodian.transcription;

import java.time.Instant;
import org.custodian.record.RecordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Drafts that arrive through HL7 (MDM^T02 with a non-final completion status) join the transcription
 * queue; documents authenticated outside the workflow leave it as signed.
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
            jobs.closeSignedElsewhere(changed.patientIds(), now);
        }
    }
}
