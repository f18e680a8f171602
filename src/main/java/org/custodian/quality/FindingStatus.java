package org.custodian.quality;

public enum FindingStatus {
    OPEN, RESOLVED
}
