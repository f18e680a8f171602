package org.custodian.coding;

import java.time.Instant;
import java.util.UUID;

/** A coder's documentation question to a physician, and the answer once given (filed as a document). */
public record PhysicianQuery(UUID id, UUID encounterId, UUID patientId, UUID practitionerId, String practitionerName,
                             String question, String raisedBy, Instant raisedAt, Status status, String answer,
                             String answeredBy, Instant answeredAt, UUID answerDocumentId) {
    public enum Status { OPEN, ANSWERED }
}
