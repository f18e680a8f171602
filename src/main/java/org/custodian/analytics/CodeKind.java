package org.custodian.analytics;

/** Which coded facts a top-codes report counts. */
public enum CodeKind {
    DIAGNOSIS, PROCEDURE
}
