package org.custodian.interop.hl7v2;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.custodian.privacy.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes inbound messages from receipt to ACK. Whoever holds the commit lock takes all messages
 * waiting at that moment and commits them in one transaction (group commit: the disk flush is paid
 * once per batch, not per message). Only then do the ACKs go out, so an AA always means committed.
 * A batch is first applied whole, without savepoints ({@link BatchWithoutSavepoints}); if any message
 * fails, that transaction rolls back and the batch is applied again with each message stored, applied
 * and audited inside a savepoint of its own, so a rejected message rolls back alone and is stored as a
 * dead letter with the reason. A control id already accepted from the same sender is stored as a duplicate.
 */
@Service
class Hl7Inbox {
    record Receipt(UUID messageId, Hl7Outcome outcome, String ack) {
    }

    record Pending(RawMessage raw, MshHeader header, Segments segments, Hl7Outcome.Rejected problem,
                   UUID replayOf, String replayedBy, CompletableFuture<Receipt> receipt) {
    }

    private static final Logger log = LoggerFactory.getLogger(Hl7Inbox.class);
    private static final String ACCEPTED_ONCE = "hl7_message_accepted_once";
    private static final int MAX_BATCH = 200;

    private final TransactionTemplate tx;
    private final Hl7MessageStore store;
    private final MessageApplier applier;
    private final BatchWithoutSavepoints whole;
    private final BatchScopes scopes;
    private final AuditTrail audit;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committer = new ReentrantLock();

    Hl7Inbox(PlatformTransactionManager transactions, Hl7MessageStore store, MessageApplier applier,
             BatchWithoutSavepoints whole, BatchScopes scopes, AuditTrail audit) {
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.applier = applier;
        this.whole = whole;
        this.scopes = scopes;
        this.audit = audit;
    }

    Receipt receive(RawMessage raw) {
        return process(raw, null, null);
    }

    /** With {@code replayOf}, re-applies a stored dead letter, which it resolves when accepted. */
    Receipt process(RawMessage raw, UUID replayOf, String replayedBy) {
        String text = raw.text();
        MshHeader header = MshHeader.read(text);
        Segments segments = null;
        Hl7Outcome.Rejected problem = raw.problem();
        if (problem == null) {
            try {
                header.validate(text);
                MessageRouter.requireSupported(header);
                segments = Hl7Parser.parse(text);
            } catch (Hl7Rejection r) {
                problem = r.rejected();
            }
        }
        Pending pending = new Pending(raw, header, segments, problem, replayOf, replayedBy, new CompletableFuture<>());
        waiting.add(pending);
        committer.lock();
        try {
            while (!pending.receipt().isDone()) {
                commitWaiting(); // more may be waiting than one batch holds; ours is among them
            }
        } finally {
            committer.unlock();
        }
        return pending.receipt().join();
    }

    private void commitWaiting() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        List<Receipt> receipts = new ArrayList<>();
        try {
            receipts.addAll(tx.execute(status -> whole.apply(batch)));
        } catch (RuntimeException oneFailed) {
            log.debug("HL7 batch of {} messages applied again one savepoint per message: {}", batch.size(),
                    oneFailed.toString());
            receipts.clear();
        }
        try {
            if (receipts.isEmpty()) {
                tx.executeWithoutResult(status -> {
                    receipts.clear();
                    for (Pending p : batch) {
                        receipts.add(inSavepoint(status, p));
                    }
                });
            }
        } catch (RuntimeException e) {
            log.error("HL7 batch of {} messages could not be committed; none is acknowledged", batch.size(), e);
            batch.forEach(p -> p.receipt().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).receipt().complete(receipts.get(i));
        }
    }

    private Receipt inSavepoint(TransactionStatus status, Pending p) {
        if (p.problem() != null) {
            return reject(p, p.problem());
        }
        for (int attempt = 1; ; attempt++) {
            Object savepoint = status.createSavepoint();
            try {
                Receipt receipt = apply(p);
                status.releaseSavepoint(savepoint);
                return receipt;
            } catch (Hl7Rejection r) {
                status.rollbackToSavepoint(savepoint);
                return reject(p, r.rejected());
            } catch (DuplicateKeyException e) {
                status.rollbackToSavepoint(savepoint);
                if (String.valueOf(e.getMessage()).contains(ACCEPTED_ONCE)) {
                    return duplicate(p); // the same message arrived on another node and committed first
                }
                if (attempt == 1) {
                    continue; // another node registered the same new patient first; now it is known
                }
                return failed(p, e);
            } catch (RuntimeException e) {
                status.rollbackToSavepoint(savepoint);
                return failed(p, e);
            }
        }
    }

    private Receipt apply(Pending p) {
        MshHeader header = p.header();
        BatchScope scope = scopes.single();
        if (store.acceptedId(header).isPresent()) {
            return duplicate(p);
        }
        UUID id = UUID.randomUUID();
        String ack = MessageApplier.acceptedAck(header);
        // Stored first: a copy of this control id in another transaction waits here for this one's outcome.
        store.insert(id, p.raw(), header, new Hl7Outcome.Accepted(null, ""), ack, p.replayOf(), p.replayedBy());
        Hl7Outcome.Accepted accepted = BatchWithoutSavepoints.withDuplicates(applier.apply(id, p, scope), scope.finish().get(id));
        if (p.replayOf() != null && !store.resolve(p.replayOf(), id)) {
            throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, Location.MESSAGE, "this dead letter was already replayed");
        }
        audit.record(MessageApplier.audit(id, p, accepted));
        return new Receipt(id, accepted, ack);
    }

    private Receipt duplicate(Pending p) {
        UUID original = store.acceptedId(p.header()).orElseThrow();
        var outcome = new Hl7Outcome.Duplicate(original);
        String ack = AckWriter.ack(p.header(), outcome);
        UUID id = UUID.randomUUID();
        store.insert(id, p.raw(), p.header(), outcome, ack, p.replayOf(), p.replayedBy());
        return new Receipt(id, outcome, ack);
    }

    private Receipt reject(Pending p, Hl7Outcome.Rejected rejected) {
        String ack = AckWriter.ack(p.header(), rejected);
        if (p.replayOf() != null) {
            return new Receipt(p.replayOf(), rejected, ack); // the dead letter stays as it is
        }
        UUID id = UUID.randomUUID();
        store.insert(id, p.raw(), p.header(), rejected, ack, null, null);
        return new Receipt(id, rejected, ack);
    }

    private Receipt failed(Pending p, RuntimeException e) {
        log.error("HL7 message {} from {} could not be applied", p.header().controlId(), p.raw().remoteAddress(), e);
        return reject(p, new Hl7Outcome.Rejected(ErrorCode.INTERNAL_ERROR, Location.MESSAGE,
                "could not be applied because of an internal error (" + e.getClass().getSimpleName()
                        + "); it is kept and can be replayed"));
    }
}
