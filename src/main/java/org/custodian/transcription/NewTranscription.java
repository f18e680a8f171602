package org.custodian.transcription;

import java.util.UUID;
import org.custodian.record.DocumentType;

/**
 * A document a transcriptionist types: for the patient with this MRN at one of their facilities,
 * optionally on the visit with this number, dictated by {@code authorId}; {@code cosignerId} is the
 * attending who must co-sign a resident's document (null when no co-signature is required).
 */
public record NewTranscription(String mrn, String visitNumber, DocumentType type, String title, String body,
                               UUID authorId, UUID cosignerId) {
}
