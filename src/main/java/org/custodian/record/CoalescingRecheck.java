package org.custodian.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a listener's per-patient work for the patients of many {@link RecordChanged} events at once.
 * A feed commits many small transactions, each announcing a few patients; when the listener is called
 * again while its work runs, the calls that arrive meanwhile wait, and the next run takes all their
 * patients together (as a group commit does): one run with its fixed costs instead of one per event.
 * Each run commits in a transaction of its own before any call it served returns; a call throws what
 * its run threw. So an event publication is completed only when its patients' work has committed, and
 * is kept to be resubmitted otherwise. Nothing is delayed on purpose: a call that finds nothing running
 * runs at once.
 */
public final class CoalescingRecheck {
    /** Patients one run takes at most, so a backlog is worked off in statements of a bounded size. */
    static final int MAX_PATIENTS = 2_000;

    private record Call(Set<UUID> patientIds, CompletableFuture<Void> done) {
    }

    private final Consumer<Set<UUID>> work;
    private final TransactionTemplate ownTransaction;
    private final ConcurrentLinkedQueue<Call> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock runner = new ReentrantLock();

    /** {@code work} handles a set of patients, in a new transaction; it is never called by two threads at once. */
    public CoalescingRecheck(PlatformTransactionManager transactions, Consumer<Set<UUID>> work) {
        this.work = Objects.requireNonNull(work, "work");
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Handles these patients, together with those of the calls waiting beside this one. */
    public void run(Collection<UUID> patientIds) {
        Call mine = new Call(Set.copyOf(patientIds), new CompletableFuture<>());
        waiting.add(mine);
        runner.lock();
        try {
            while (!mine.done().isDone()) {
                runWaiting(); // ours is among those waiting, perhaps behind more than one run takes
            }
        } finally {
            runner.unlock();
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void runWaiting() {
        List<Call> calls = new ArrayList<>();
        Set<UUID> patients = new HashSet<>();
        Call next;
        while (patients.size() < MAX_PATIENTS && (next = waiting.poll()) != null) {
            calls.add(next);
            patients.addAll(next.patientIds());
        }
        try {
            ownTransaction.executeWithoutResult(status -> work.accept(patients));
            calls.forEach(c -> c.done().complete(null));
        } catch (RuntimeException | Error e) {
            calls.forEach(c -> c.done().completeExceptionally(e));
        }
    }
}
