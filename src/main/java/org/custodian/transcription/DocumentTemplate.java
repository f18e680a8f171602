package org.custodian.transcription;

import java.time.Instant;
import org.custodian.record.DocumentType;

/** The title and skeleton text a new document of this type starts from. */
public record DocumentTemplate(DocumentType type, String title, String body, String updatedBy, Instant updatedAt) {
}
