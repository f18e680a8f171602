package org.custodian.privacy;

/** The result of checking the audit hash chain end to end. */
public sealed interface AuditVerification {
    record Intact(long events, String headHash) implements AuditVerification {
    }

    /** The first link that does not hold: its sequence number and what is wrong with it. */
    record Broken(long seq, String reason) implements AuditVerification {
    }
}
