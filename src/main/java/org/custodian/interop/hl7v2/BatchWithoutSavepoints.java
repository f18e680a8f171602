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
 * control ids looked up for the whole batch in one query, the patients and encounters the messages
 * name read together and what they add inserted together ({@link BatchScope}), messages applied one
 * after another with no savepoint each, their {@code hl7_message} rows inserted as one JDBC batch and
 * their audit events appended with one lock of the chain's head. The first message that fails throws;
 * the caller rolls the whole transaction back and applies the batch again one savepoint per message,
 * where that message alone is rejected (see {@link Hl7Inbox}).
 */
@Component
class BatchWithoutSavepoints {
    private record Applied(int index, UUID id, Hl7Inbox.Pending pending, Hl7Outcome.Accepted outcome, String ack) {
    }

    private final Hl7MessageStore store;
    private final MessageApplier applier;
    private final BatchScopes scopes;
    private final AuditTrail audit;

    BatchWithoutSavepoints(Hl7MessageStore store, MessageApplier applier, BatchScopes scopes, AuditTrail audit) {
        this.store = store;
        this.applier = applier;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** Inside the caller's transaction; one receipt per message, in order. */
    List<Hl7Inbox.Receipt> apply(List<Hl7Inbox.Pending> batch) {
        Map<String, UUID> accepted = new HashMap<>(store.acceptedIds(
                batch.stream().filter(p -> p.problem() == null).map(Hl7Inbox.Pending::header).toList()));
        BatchScope scope = scopes.open(batch);
        List<Hl7MessageStore.NewRow> rows = new ArrayList<>(batch.size());
        List<Applied> applied = new ArrayList<>(batch.size());
        Hl7Inbox.Receipt[] receipts = new Hl7Inbox.Receipt[batch.size()];
        Map<UUID, UUID> replays = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Hl7Inbox.Pending p = batch.get(i);
            UUID id = UUID.randomUUID();
            if (p.problem() != null) {
                String ack = AckWriter.ack(p.header(), p.problem());
                if (p.replayOf() != null) {
                    receipts[i] = new Hl7Inbox.Receipt(p.replayOf(), p.problem(), ack); // the dead letter stays
                    continue;
                }
                rows.add(new Hl7MessageStore.NewRow(id, p.raw(), p.header(), p.problem(), ack, null, null));
                receipts[i] = new Hl7Inbox.Receipt(id, p.problem(), ack);
                continue;
            }
            String key = Hl7MessageStore.senderKey(p.header());
            UUID original = key == null ? null : accepted.get(key);
            if (original != null) {
                var outcome = new Hl7Outcome.Duplicate(original);
                String ack = AckWriter.ack(p.header(), outcome);
                rows.add(new Hl7MessageStore.NewRow(id, p.raw(), p.header(), outcome, ack, p.replayOf(), p.replayedBy()));
                receipts[i] = new Hl7Inbox.Receipt(id, outcome, ack);
                continue;
            }
            if (p.replayOf() != null && replays.containsKey(p.replayOf())) {
                throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, Location.MESSAGE, "this dead letter is replayed twice");
            }
            applied.add(new Applied(i, id, p, applier.apply(id, p, scope), MessageApplier.acceptedAck(p.header())));
            if (key != null) {
                accepted.put(key, id);
            }
            if (p.replayOf() != null) {
                replays.put(p.replayOf(), id);
            }
        }
        Map<UUID, String> duplicates = scope.finish();
        List<AuditEntry> entries = new ArrayList<>(applied.size());
        for (Applied a : applied) {
            Hl7Inbox.Pending p = a.pending();
            Hl7Outcome.Accepted outcome = withDuplicates(a.outcome(), duplicates.get(a.id()));
            rows.add(new Hl7MessageStore.NewRow(a.id(), p.raw(), p.header(), outcome, a.ack(), p.replayOf(), p.replayedBy()));
            entries.add(MessageApplier.audit(a.id(), p, outcome));
            receipts[a.index()] = new Hl7Inbox.Receipt(a.id(), outcome, a.ack());
        }
        store.insertAll(rows);
        replays.forEach((deadLetter, replay) -> {
            if (!store.resolve(deadLetter, replay)) {
                throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, Location.MESSAGE, "this dead letter was already replayed");
            }
        });
        audit.recordAll(entries);
        return List.of(receipts);
    }

    /** The outcome with what the index check of its new patient found, when its summary tells it. */
    static Hl7Outcome.Accepted withDuplicates(Hl7Outcome.Accepted outcome, String duplicates) {
        return duplicates == null || duplicates.isEmpty() ? outcome
                : new Hl7Outcome.Accepted(outcome.patientId(), outcome.summary() + duplicates);
    }
}
