package org.custodian.interop.hl7v2;

import java.time.ZoneId;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.record.Provenance;
import org.springframework.stereotype.Component;

/** Applies one accepted message's content to the record, with the provenance its facts get and its audit entry. */
@Component
class MessageApplier {
    private final MessageRouter router;
    private final ZoneId zone = ZoneId.systemDefault();

    MessageApplier(MessageRouter router) {
        this.router = router;
    }

    /** Applies the message stored (or about to be stored) as {@code id}; an {@link Hl7Rejection} says why not. */
    Hl7Outcome.Accepted apply(UUID id, Hl7Inbox.Pending p, BatchScope scope) {
        MshHeader header = p.header();
        var provenance = new Provenance("hl7v2:" + header.sendingApplication() + "/" + header.sendingFacility(),
                "hl7_message/" + id, p.raw().receivedAt(), InboundMessage.usernameFor(header));
        return router.apply(new InboundMessage(id, header, p.segments(), provenance, p.raw().remoteAddress(), zone,
                scope));
    }

    static AuditEntry audit(UUID id, Hl7Inbox.Pending p, Hl7Outcome.Accepted accepted) {
        MshHeader header = p.header();
        return new AuditEntry(InboundMessage.usernameFor(header), "SYSTEM", AuditAction.CREATE, AuditOutcome.SUCCESS,
                accepted.patientId(), "HL7Message", id.toString(), header.messageType() + " control id "
                + header.controlId() + ": " + accepted.summary()
                + (p.replayedBy() == null ? "" : " (replayed by " + p.replayedBy() + ")"), p.raw().remoteAddress());
    }

    /** The ACK of an accepted message, which does not depend on what it changed. */
    static String acceptedAck(MshHeader header) {
        return AckWriter.ack(header, new Hl7Outcome.Accepted(null, ""));
    }
}
