package org.custodian.interop.hl7v2;

import java.time.Instant;
import java.util.UUID;

/** A rejected inbound message waiting for a fix and a replay, with why it was rejected and where. */
public record DeadLetter(UUID id, Instant receivedAt, String remoteAddress, String sendingApplication,
                         String sendingFacility, String messageType, String controlId, int sizeBytes, String ackCode,
                         String errorCode, String errorLocation, String errorMessage) {
}
