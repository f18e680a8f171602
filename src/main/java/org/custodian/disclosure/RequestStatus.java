package org.custodian.disclosure;

public enum RequestStatus {
    OPEN, RELEASED, DENIED
}
