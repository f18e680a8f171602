package org.custodian.transcription;

import java.time.Instant;
import java.util.UUID;
import org.custodian.record.DocumentType;

/**
 * One document in the transcription workflow, with what a queue row shows: whose it is, what kind,
 * its current version, and who must sign and co-sign it.
 */
public record TranscriptionJob(
        UUID id,
        UUID documentId,
        UUID patientId,
        String patientName,
        DocumentType documentType,
        String title,
        int version,
        JobSource source,
        JobStatus status,
        UUID authorId,
        String authorName,
        UUID cosignerId,
        String cosignerName,
        String transcribedBy,
        String reviewedBy,
        String qaComment,
        Instant signedAt,
        Instant cosignedAt,
        Instant createdAt,
        Instant updatedAt) {

    public boolean needsCosignature() {
        return cosignerId != null;
    }
}
