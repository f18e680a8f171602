package org.custodian.privacy;

/** The policy's answer, always with the reason, so it can be shown, audited and reviewed. */
public sealed interface AccessDecision {
    String reason();

    record Permit(String reason) implements AccessDecision {
    }

    record Deny(String reason) implements AccessDecision {
    }
}
