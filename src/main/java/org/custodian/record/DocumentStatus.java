package org.custodian.record;

/** The state of one version of a document. Only the newest version's status is the document's. */
public enum DocumentStatus {
    DRAFT, FINAL, AMENDED, ENTERED_IN_ERROR;

    public boolean isAuthenticated() {
        return this == FINAL || this == AMENDED;
    }
}
