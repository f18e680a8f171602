package org.custodian.disclosure;

import java.util.List;
import org.custodian.record.Patient;

/** A patient's accounting of disclosures and the full disclosure log behind it. */
public record AccountingView(Patient patient, List<Disclosure> accountable, List<Disclosure> all) {
    public AccountingView {
        accountable = List.copyOf(accountable);
        all = List.copyOf(all);
    }
}
