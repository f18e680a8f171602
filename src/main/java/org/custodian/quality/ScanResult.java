package org.custodian.quality;

import java.util.List;

/**
 * What a scan did: patients checked, findings open in that scope afterwards, newly opened and
 * resolved ones, and the rule failures. A scan with failures is partial: the failed rules'
 * earlier findings for those patients were kept as they were.
 */
public record ScanResult(int patients, int openFindings, int opened, int resolved, List<RuleFailure> failures,
                         long millis) {
    public ScanResult {
        failures = List.copyOf(failures);
    }

    public boolean partial() {
        return !failures.isEmpty();
    }
}
