package org.custodian.privacy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What group-committed audit appends cost the requests that wait for them, for benchmarks: how many
 * events in how many commits, how long from an event's start to its commit, and how long readers
 * still waited for it after their read was done. Logged at DEBUG (logger
 * {@code org.custodian.privacy.AuditAppendFigures}) every 10 seconds in which events were written.
 */
final class AuditAppendFigures {
    private static final Logger log = LoggerFactory.getLogger(AuditAppendFigures.class);
    private static final long EVERY = TimeUnit.SECONDS.toNanos(10);

    private final LongAdder events = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder appendNanos = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private long since = System.nanoTime();

    void committed(int batchSize, long nanosSinceFirstSubmitted) {
        events.add(batchSize);
        commits.increment();
        appendNanos.add(nanosSinceFirstSubmitted);
    }

    /** A caller waited this long in {@link PendingAuditEvent#durable()} (a read: after its reading was done). */
    void waited(long nanos) {
        waits.increment();
        waitNanos.add(nanos);
    }

    boolean enabled() {
        return log.isDebugEnabled();
    }

    /** Called by the writer thread between batches. */
    void logIfDue() {
        long now = System.nanoTime();
        if (!log.isDebugEnabled() || now - since < EVERY) {
            return;
        }
        since = now;
        long n = events.sumThenReset();
        long c = commits.sumThenReset();
        long append = appendNanos.sumThenReset();
        long w = waits.sumThenReset();
        long wn = waitNanos.sumThenReset();
        if (n > 0) {
            log.debug("audit group commit: {} events in {} commits ({} per commit), {} ms from a batch's first event to"
                            + " its commit on average; callers still waited {} ms on average when they asked for their event ({} asked;"
                            + " a read asks once its reading is done)",
                    n, c, String.format("%.1f", (double) n / c), String.format("%.2f", append / 1e6 / c),
                    String.format("%.2f", w == 0 ? 0 : wn / 1e6 / w), w);
        }
    }
}
