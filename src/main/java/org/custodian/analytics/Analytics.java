package org.custodian.analytics;

import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/** Maintenance of the analytics store, for the command line. */
@Service
public class Analytics {
    /** How many steps {@link #rebuild} reports. */
    public static final int REBUILD_STEPS = AnalyticsFacts.STEPS;

    private final AnalyticsFacts facts;

    Analytics(AnalyticsFacts facts) {
        this.facts = facts;
    }

    /** Derives every fact and roll-up again from the record; {@code stepsDone} hears 1..{@value #REBUILD_STEPS}. */
    public void rebuild(IntConsumer stepsDone) {
        facts.rebuild(stepsDone);
    }

    /** Re-derives these patients' facts now (the record's change events do this by themselves). */
    public void refresh(java.util.Set<java.util.UUID> patientIds) {
        facts.refresh(patientIds);
    }
}
