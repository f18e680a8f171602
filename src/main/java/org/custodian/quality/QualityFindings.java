package org.custodian.quality;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored findings. Callers showing them to people decide access and audit (they name patients). */
@Service
public class QualityFindings {
    private final FindingRepository findings;

    QualityFindings(FindingRepository findings) {
        this.findings = findings;
    }

    public List<StoredFinding> openFor(Collection<UUID> patientIds) {
        return findings.openForPatients(patientIds);
    }

    /** Every open finding, one at a time, ordered by patient and rule. */
    @Transactional(readOnly = true)
    public void eachOpen(Consumer<StoredFinding> each) {
        findings.eachOpen(each);
    }
}
