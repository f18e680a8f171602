package org.custodian.privacy;

/**
 * A user's part in producing one document: a relationship to that document, as a treating relationship
 * is to the patient. In transcription and signing, a labelled document is open only to those with a duty
 * on it (see {@link AccessPolicy#decideDocumentWork}), so the author can still sign after discharge while
 * other transcriptionists and clinicians cannot read it.
 */
public enum DocumentDuty {
    AUTHOR("the author who dictated it"),
    COSIGNER("the attending named to co-sign it"),
    TRANSCRIPTIONIST("the transcriptionist it is assigned to"),
    QA_REVIEWER("the QA reviewer it is assigned to");

    private final String description;

    DocumentDuty(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
