package org.custodian.privacy;

import java.util.List;

/**
 * The policy's answer with its reasons, so it can be shown, audited and reviewed. {@link #reason()}
 * is the one line the audit trail keeps; {@link #steps()} are the checks made, in words fit to show
 * the user (no label names, which would themselves disclose PHI).
 */
public sealed interface AccessDecision {
    String reason();

    List<String> steps();

    record Permit(String reason, List<String> steps) implements AccessDecision {
        public Permit {
            steps = List.copyOf(steps);
        }

        public Permit(String reason) {
            this(reason, List.of(reason));
        }
    }

    /** {@code emergencyAccess}: the user may declare an emergency (break the glass) to read anyway. */
    record Deny(String reason, List<String> steps, boolean emergencyAccess) implements AccessDecision {
        public Deny {
            steps = List.copyOf(steps);
        }

        public Deny(String reason) {
            this(reason, List.of(reason), false);
        }
    }
}
