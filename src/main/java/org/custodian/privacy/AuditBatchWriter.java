package org.custodian.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for audit events that belong to no other transaction (reads, searches, sign-ins):
 * one writer thread appends whatever is waiting in one transaction, so many events share one
 * disk flush. Each caller still waits until its own event is durable before going on.
 */
@Component
class AuditBatchWriter implements SmartLifecycle {
    private static final int MAX_BATCH = 1000;

    private final AuditRepository repository;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AuditAppendFigures figures = new AuditAppendFigures();
    private volatile Thread writer;
    private volatile boolean running;

    AuditBatchWriter(AuditRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    CompletableFuture<AuditEvent> submit(AuditEntry entry) {
        if (!running) {
            throw new IllegalStateException("the audit trail is not running; nothing can be recorded");
        }
        Pending pending = new Pending(entry, new CompletableFuture<>(), System.nanoTime());
        queue.add(pending);
        return pending.done();
    }

    /** Appends entries to the chain inside the current transaction; the head row lock orders all writers. */
    List<AuditEvent> appendAll(List<AuditEntry> entries) {
        AuditRepository.Head head = repository.lockHead();
        List<AuditEvent> events = new ArrayList<>(entries.size());
        List<String> previous = new ArrayList<>(entries.size());
        long seq = head.seq();
        String previousHash = head.hash();
        for (AuditEntry entry : entries) {
            AuditEvent unsigned = new AuditEvent(++seq, AuditChain.storable(Instant.now()), entry.username(),
                    entry.roles(), entry.action(), entry.outcome(), entry.patientId(), entry.resourceType(),
                    entry.resourceId(), entry.detail(), entry.clientAddress(), null);
            AuditEvent event = withHash(unsigned, AuditChain.hash(previousHash, unsigned));
            events.add(event);
            previous.add(previousHash);
            previousHash = event.hash();
        }
        repository.appendAll(events, previous);
        return events;
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                figures.logIfDue();
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<AuditEvent> events = tx.execute(status -> appendAll(batch.stream().map(Pending::entry).toList()));
                figures.committed(batch.size(), System.nanoTime() - first.submittedAt());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(events.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::drain);
    }

    /** Stops taking events, writes those already waiting, then ends. */
    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server (which stops at a higher phase), so in-flight requests still audit. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static AuditEvent withHash(AuditEvent e, String hash) {
        return new AuditEvent(e.seq(), e.occurredAt(), e.username(), e.roles(), e.action(), e.outcome(),
                e.patientId(), e.resourceType(), e.resourceId(), e.detail(), e.clientAddress(), hash);
    }

    AuditAppendFigures figures() {
        return figures;
    }

    private record Pending(AuditEntry entry, CompletableFuture<AuditEvent> done, long submittedAt) {
    }
}
