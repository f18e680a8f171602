package org.custodian.transcription;

import java.time.Instant;
import org.custodian.record.CoalescingRecheck;
import org.custodian.record.RecordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Drafts that arrive through HL7 (MDM^T02 with a non-final completion status) join the transcription
 * queue; a draft edited through HL7 after it left transcription goes back to it; documents
 * authenticated outside the workflow leave the queue as signed. Changes that arrive while this runs
 * are looked at together in the next run ({@link CoalescingRecheck}).
 */
@Component
class DraftListener {
    private final CoalescingRecheck recheck;

    DraftListener(JobRepository jobs, PlatformTransactionManager transactions) {
        this.recheck = new CoalescingRecheck(transactions, patientIds -> {
            if (!patientIds.isEmpty()) {
                Instant now = Instant.now();
                jobs.queueInterfaceDrafts(patientIds, now);
                jobs.reopenEditedByInterface(patientIds, now);
                jobs.closeSignedElsewhere(patientIds, now);
            }
        });
    }

    @ApplicationModuleListener
    void on(RecordChanged changed) {
        recheck.run(changed.patientIds());
    }
}
