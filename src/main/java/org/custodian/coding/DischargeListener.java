package org.custodian.coding;

import org.custodian.record.EncounterDischarged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the coding case when an encounter is discharged (e.g. by an ADT A03), so the queue knows
 * when it arrived. Encounters imported already discharged need no event: the queue finds them.
 */
@Component
class DischargeListener {
    private final CaseRepository cases;

    DischargeListener(CaseRepository cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(EncounterDischarged discharged) {
        cases.ensure(discharged.encounterId());
    }
}
