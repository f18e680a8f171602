package org.custodian.quality;

import org.custodian.record.CoalescingRecheck;
import org.custodian.record.RecordChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Re-checks the patients whose records changed, after the change committed; filing a scanned
 * document is such a change, so the findings of scans filed since are resolved too. Changes that
 * arrive while a re-check runs are re-checked together in the next one ({@link CoalescingRecheck}).
 * A bulk load may turn this off ({@code custodian.quality.incremental=false}) and run one full scan after.
 */
@Component
@ConditionalOnProperty(name = "custodian.quality.incremental", havingValue = "true", matchIfMissing = true)
class RecordChangeListener {
    private final CoalescingRecheck recheck;

    RecordChangeListener(QualityScans scans, PlatformTransactionManager transactions) {
        this.recheck = new CoalescingRecheck(transactions, patientIds -> {
            scans.check(patientIds);
            scans.resolveFiledScans();
        });
    }

    @ApplicationModuleListener
    void on(RecordChanged event) {
        recheck.run(event.patientIds());
    }
}
