package org.custodian.interop.hl7v2;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The dead-letter list of rejected HL7 messages, and their replay once the cause is fixed. */
@Service
public class DeadLetters {
    /** What a replay did: accepted now, or still rejected with the reason. */
    public record ReplayResult(boolean accepted, String detail) {
    }

    private final Hl7MessageStore store;
    private final Hl7Inbox inbox;

    DeadLetters(Hl7MessageStore store, Hl7Inbox inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    public List<DeadLetter> list(int limit) {
        return store.deadLetters(limit);
    }

    /** Re-processes the stored bytes exactly as they were received. */
    public ReplayResult replay(UUID id, String username) {
        var stored = store.find(id).orElseThrow(() -> new IllegalArgumentException("no HL7 message " + id));
        if (!stored.status().equals("REJECTED") || stored.resolvedBy() != null) {
            return new ReplayResult(false, "message " + id + " is not an open dead letter");
        }
        RawMessage raw = stored.raw();
        if (raw.sizeBytes() > raw.bytes().length) {
            return new ReplayResult(false, "only the first " + raw.bytes().length + " of " + raw.sizeBytes()
                    + " bytes were kept; the sender must send it again");
        }
        var receipt = inbox.process(raw, id, username);
        return switch (receipt.outcome()) {
            case Hl7Outcome.Accepted a -> new ReplayResult(true, "accepted: " + a.summary());
            case Hl7Outcome.Duplicate d -> new ReplayResult(false, "its control id was accepted meanwhile (message "
                    + d.originalMessageId() + ")");
            case Hl7Outcome.Rejected r -> new ReplayResult(false, "still rejected: " + r.reason());
        };
    }
}
