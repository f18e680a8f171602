package org.custodian.quality;

/** How urgently a finding needs work: an error makes the record wrong or incomplete, a warning is suspect. */
public enum Severity {
    ERROR, WARNING, INFO
}
