package org.custodian.quality;

/** Where a discharged record stands: complete, incomplete (deficiencies open), or delinquent (incomplete past the deadline). */
public enum CompletionStatus {
    COMPLETE, INCOMPLETE, DELINQUENT
}
