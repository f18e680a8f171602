package org.custodian.transcription;

/** A transcription step that cannot be done as asked; the message says what and where, for the user. */
public final class TranscriptionRefused extends RuntimeException {
    public TranscriptionRefused(String message) {
        super(message);
    }
}
