package org.custodian.privacy;

public enum AuditOutcome {
    SUCCESS, DENIED, FAILURE
}
