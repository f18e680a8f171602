package org.custodian.scanning;

/** One kind of step in a scan's indexing history. */
public enum IndexAction {
    INDEXED("Indexed"),
    CONFIRMED("Confirmed by QA"),
    FLAGGED("Flagged by QA"),
    MOVED("Moved");

    private final String label;

    IndexAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
