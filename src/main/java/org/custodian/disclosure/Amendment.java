package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request to amend a document and everything linked to it: the decision, the amendment appended
 * to the record (accepted) or the written denial, the patient's statement of disagreement and our
 * rebuttal (denied), and the recipients notified.
 */
public record Amendment(UUID id, UUID patientId, String patientName, UUID documentId, String documentTitle,
                        String requestedChange, String reason, LocalDate receivedOn, LocalDate dueOn,
                        AmendmentStatus status, Instant decidedAt, String decidedBy, UUID amendmentDocumentId,
                        DenialBasis denialBasis, String denialLetter, String disagreement, LocalDate disagreementOn,
                        String rebuttal, LocalDate rebuttalOn, List<String> notified, boolean documentWithheld) {
    public Amendment {
        notified = List.copyOf(notified);
    }

    /**
     * The request as shown to someone who may not open the document: nothing of the document, of the
     * change asked for, of the amendment or letters that quote it, or of who received it; the dates
     * and the status stay, so the queue can still be worked by a colleague who may open it.
     */
    public Amendment withDocumentWithheld() {
        return new Amendment(id, patientId, patientName, null, null, null, null, receivedOn, dueOn, status,
                decidedAt, decidedBy, null, null, null, null, disagreementOn, null, rebuttalOn, List.of(), true);
    }

    public Deadline deadline(LocalDate today) {
        return Deadline.of(dueOn, today);
    }

    /** The linked materials as they go out with the document in later disclosures (164.526(d)(5)). */
    public String linkedText() {
        StringBuilder text = new StringBuilder("Amendment request received " + receivedOn + ": " + requestedChange
                + "\nReason given: " + reason + "\nDecision: " + status);
        if (status == AmendmentStatus.DENIED) {
            text.append("\nDenial: ").append(denialLetter);
            if (disagreement != null) {
                text.append("\nStatement of disagreement (").append(disagreementOn).append("): ").append(disagreement);
            }
            if (rebuttal != null) {
                text.append("\nRebuttal (").append(rebuttalOn).append("): ").append(rebuttal);
            }
        }
        return text.toString();
    }
}
