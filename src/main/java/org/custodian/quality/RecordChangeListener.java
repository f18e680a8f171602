package org.custodian.quality;

import org.custodian.record.RecordChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-checks the patients whose records changed, after the change committed; filing a scanned
 * document is such a change, so the findings of scans filed since are resolved too. A bulk load may turn
 * this off ({@code custodian.quality.incremental=false}) and run one full scan after.
 */
@Component
@ConditionalOnProperty(name = "custodian.quality.incremental", havingValue = "true", matchIfMissing = true)
class RecordChangeListener {
    private final QualityScans scans;

    RecordChangeListener(QualityScans scans) {
        this.scans = scans;
    }

    @ApplicationModuleListener
    void on(RecordChanged event) {
        scans.check(event.patientIds());
        scans.resolveFiledScans();
    }
}
