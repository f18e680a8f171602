package org.custodian.disclosure;

public enum AmendmentStatus {
    REQUESTED, ACCEPTED, DENIED
}
