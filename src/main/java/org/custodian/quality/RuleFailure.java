package org.custodian.quality;

import java.util.UUID;

/** A rule that threw on one patient's record; the scan went on without it. */
public record RuleFailure(String ruleId, UUID patientId, String message) {
}
