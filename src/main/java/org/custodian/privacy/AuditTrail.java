package org.custodian.privacy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tamper-evident audit trail: append, report, verify. Appending joins the caller's transaction
 * when there is one, so a change and its audit event commit or roll back together.
 */
@Service
public class AuditTrail {
    private final AuditRepository repository;
    private final AuditBatchWriter writer;

    AuditTrail(AuditRepository repository, AuditBatchWriter writer) {
        this.repository = repository;
        this.writer = writer;
    }

    /**
     * Appends an event and returns it once it is durable. Inside a transaction it joins that
     * transaction; otherwise it is group-committed with other events waiting at the same moment.
     */
    public AuditEvent record(AuditEntry entry) {
        return begin(entry).durable();
    }

    /**
     * Starts appending an event and returns at once, so the caller can read what the event covers
     * while the event is written; {@link PendingAuditEvent#durable()} then waits for it. The guarantee
     * is the same as {@link #record}'s as long as the caller calls {@code durable()} before anything
     * it read leaves the server: no PHI is shown without a durable event. (A read that fails after
     * {@code begin} still leaves its event: it records an access that was granted.)
     * <p>
     * Outside a transaction the event is group-committed: one writer thread takes every event waiting,
     * locks the chain's head once, inserts them as one batch and commits once, so concurrent requests
     * share one disk flush. Inside a transaction the event joins that transaction at once, and commits
     * or rolls back with it.
     */
    public PendingAuditEvent begin(AuditEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return new PendingAuditEvent(CompletableFuture.completedFuture(writer.appendAll(List.of(entry)).getFirst()),
                    null);
        }
        return new PendingAuditEvent(writer.submit(entry), writer.figures());
    }

    /**
     * Appends an event that must stay whatever becomes of the caller's transaction: a refusal, which
     * is usually thrown and so rolls that transaction back. Outside a transaction it is appended at
     * once, as {@link #record}. Inside one it is appended as soon as that transaction has ended
     * (committed or rolled back), group-committed on its own, before the refusal leaves the server.
     * Not in a transaction of its own started at once ({@code REQUIRES_NEW}): the caller's transaction
     * may already hold the chain's head, having audited an earlier step, and that would wait for ever.
     * The chain stays one sequence: the event takes the next link after whatever was committed.
     */
    public void recordKept(AuditEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            record(entry);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                writer.submit(entry).join();
            }
        });
    }

    /**
     * Appends events of one transaction together (a feed's batch): the chain's head is locked once,
     * not once per event. Needs the caller's transaction, with which they commit or roll back.
     */
    public List<AuditEvent> recordAll(List<AuditEntry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recordAll joins the caller's transaction; there is none");
        }
        return entries.isEmpty() ? List.of() : writer.appendAll(entries);
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        return repository.search(query);
    }

    /**
     * Recomputes every link. A changed row fails its own hash; a deleted row leaves a gap in the
     * sequence; an inserted or reordered row does not link to its predecessor; a cut tail no longer
     * reaches the recorded head.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        var state = new Object() {
            long expectedSeq = 1;
            String previousHash = AuditChain.GENESIS;
            AuditVerification.Broken broken;
        };
        repository.forEachInOrder(link -> {
            if (state.broken != null) {
                return;
            }
            AuditEvent e = link.event();
            if (e.seq() != state.expectedSeq) {
                state.broken = new AuditVerification.Broken(state.expectedSeq, e.seq() > state.expectedSeq
                        ? "event is missing (deleted); the next stored event is " + e.seq()
                        : "event " + e.seq() + " appears out of order (inserted)");
            } else if (!link.previousHash().equals(state.previousHash)) {
                state.broken = new AuditVerification.Broken(e.seq(),
                        "does not link to event " + (e.seq() - 1) + " (an event was inserted, replaced or reordered)");
            } else if (!AuditChain.hash(state.previousHash, e).equals(e.hash())) {
                state.broken = new AuditVerification.Broken(e.seq(),
                        "content does not match its hash (the row was changed)");
            } else {
                state.previousHash = e.hash();
                state.expectedSeq++;
            }
        });
        if (state.broken != null) {
            return state.broken;
        }
        long events = state.expectedSeq - 1;
        AuditRepository.Head head = repository.head();
        if (head.seq() != events || !head.hash().equals(state.previousHash)) {
            return new AuditVerification.Broken(events + 1, "the chain ends at event " + events
                    + " but its head records event " + head.seq() + " (events were deleted from the end)");
        }
        return new AuditVerification.Intact(events, state.previousHash);
    }
}
