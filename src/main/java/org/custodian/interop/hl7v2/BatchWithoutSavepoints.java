package org.custodian.interop.hl7v2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * A group commit's common case, every message applying cleanly, at the fewest statements: duplicate
 * control ids looked up for the whole batch in one query, messages applied one after another with
 * no savepoint each, their {@code hl7_message} rows inserted as one JDBC batch and their audit events
 * appended with one lock of the chain's head. The first message that fails throws; the caller rolls
 * the whole transaction back and applies the batch again one savepoint per message, where that
 * message alone is rejected (see {@link Hl7Inbox}).
 */
@Component
class BatchWithoutSavepoints {
    private final Hl7MessageStore store;
    private final MessageApplier applier;
    private final AuditTrail audit;

    BatchWithoutSavepoints(Hl7MessageStore store, MessageApplier applier, AuditTrail audit) {
        this.store = store;
        this.applier = applier;
        this.audit = audit;
    }

    /** Inside the caller's transaction; one receipt per message, in order. */
    List<Hl7Inbox.Receipt> apply(List<Hl7Inbox.Pending> batch) {
        Map<String, UUID> accepted = new HashMap<>(store.acceptedIds(
                batch.stream().filter(p -> p.problem() == null).map(Hl7Inbox.Pending::header).toList()));
        List<Hl7MessageStore.NewRow> rows = new ArrayList<>(batch.size());
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        List<Hl7Inbox.Receipt> receipts = new ArrayList<>(batch.size());
        Map<UUID, UUID> replays = new HashMap<>();
        for (Hl7Inbox.Pending p : batch) {
            UUID id = UUID.randomUUID();
            if (p.problem() != null) {
                String ack = AckWriter.ack(p.header(), p.problem());
                if (p.replayOf() != null) {
                    receipts.add(new Hl7Inbox.Receipt(p.replayOf(), p.problem(), ack)); // the dead letter stays
                    continue;
                }
                rows.add(new Hl7MessageStore.NewRow(id, p.raw(), p.header(), p.problem(), ack, null, null));
                receipts.add(new Hl7Inbox.Receipt(id, p.problem(), ack));
                continue;
            }
            String key = Hl7MessageStore.senderKey(p.header());
            UUID original = key == null ? null : accepted.get(key);
            if (original != null) {
                var outcome = new Hl7Outcome.Duplicate(original);
                String ack = AckWriter.ack(p.header(), outcome);
                rows.add(new Hl7MessageStore.NewRow(id, p.raw(), p.header(), outcome, ack, p.replayOf(), p.replayedBy()));
                receipts.add(new Hl7Inbox.Receipt(id, outcome, ack));
                continue;
            }
            if (p.replayOf() != null && replays.containsKey(p.replayOf())) {
                throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, Location.MESSAGE, "this dead letter is replayed twice");
            }
            Hl7Outcome.Accepted outcome = applier.apply(id, p);
            String ack = MessageApplier.acceptedAck(p.header());
            rows.add(new Hl7MessageStore.NewRow(id, p.raw(), p.header(), outcome, ack, p.replayOf(), p.replayedBy()));
            entries.add(MessageApplier.audit(id, p, outcome));
            receipts.add(new Hl7Inbox.Receipt(id, outcome, ack));
            if (key != null) {
                accepted.put(key, id);
            }
            if (p.replayOf() != null) {
                replays.put(p.replayOf(), id);
            }
        }
        store.insertAll(rows);
        replays.forEach((deadLetter, replay) -> {
            if (!store.resolve(deadLetter, replay)) {
                throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, Location.MESSAGE, "this dead letter was already replayed");
            }
        });
        audit.recordAll(entries);
        return receipts;
    }
}
