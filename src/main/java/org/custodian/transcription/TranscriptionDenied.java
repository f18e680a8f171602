package org.custodian.transcription;

/** The user's role, facility or the patient's restrictions do not allow this transcription step. */
public final class TranscriptionDenied extends RuntimeException {
    public TranscriptionDenied(String message) {
        super(message);
    }
}
