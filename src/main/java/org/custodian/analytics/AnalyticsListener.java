package org.custodian.analytics;

import org.custodian.record.RecordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Refreshes the changed patients' facts after the change commits. A failure leaves the event
 * publication incomplete, to be resubmitted; the change itself is never affected.
 */
@Component
class AnalyticsListener {
    private final AnalyticsFacts facts;

    AnalyticsListener(AnalyticsFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(RecordChanged changed) {
        facts.refresh(changed.patientIds());
    }
}
