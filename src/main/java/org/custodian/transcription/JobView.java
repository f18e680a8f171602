package org.custodian.transcription;

import org.custodian.record.PatientDocument;

/** A job opened for work: the workflow state with the document and whose it is, read through PhiAccess. */
public record JobView(TranscriptionJob job, PatientDocument document) {
    public String body() {
        return document.document().current().body();
    }
}
