package org.custodian.quality;

import org.custodian.record.RecordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Re-checks the patients whose records changed, after the change committed. */
@Component
class RecordChangeListener {
    private final QualityScans scans;

    RecordChangeListener(QualityScans scans) {
        this.scans = scans;
    }

    @ApplicationModuleListener
    void on(RecordChanged event) {
        scans.check(event.patientIds());
    }
}
