package org.custodian.transcription;

/** Where a document is in the transcription workflow. */
public enum JobStatus {
    TRANSCRIBING("Transcribing"),
    QA_REVIEW("QA review"),
    AWAITING_SIGNATURE("Awaiting signature"),
    AWAITING_COSIGNATURE("Awaiting co-signature"),
    SIGNED("Signed");

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
