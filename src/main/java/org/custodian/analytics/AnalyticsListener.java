package org.custodian.analytics;

import org.custodian.record.CoalescingRecheck;
import org.custodian.record.RecordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Refreshes the changed patients' facts after the change commits; events that arrive while a refresh
 * runs are refreshed together in the next one ({@link CoalescingRecheck}), so a busy feed does not
 * queue one refresh per transaction behind the roll-ups' lock. A failure leaves the event
 * publication incomplete, to be resubmitted; the change itself is never affected.
 */
@Component
class AnalyticsListener {
    private final CoalescingRecheck refresh;

    AnalyticsListener(AnalyticsFacts facts, PlatformTransactionManager transactions) {
        this.refresh = new CoalescingRecheck(transactions, facts::refresh);
    }

    @ApplicationModuleListener
    void on(RecordChanged changed) {
        refresh.run(changed.patientIds());
    }
}
