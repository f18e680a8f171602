package org.custodian.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events published since a moment whose listeners have not finished yet (Spring Modulith's
 * publication registry: one row per event and listener, completed when the listener returns). A
 * command that changed the record waits on these, so that when it exits every listener (data
 * quality, coding, analytics, …) has seen the change, including the events those listeners published in turn.
 * A publication whose listener failed is not waited on: it is retried when Custodian next starts.
 */
@Component
public class OpenEventPublications {
    private static final Duration POLL = Duration.ofMillis(100);

    /** How the wait ended: publications still running at the end, and those whose listener failed. */
    public record Outcome(int stillRunning, int failed) {
        public boolean finished() {
            return stillRunning == 0;
        }
    }

    private final JdbcClient jdbc;

    OpenEventPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publications since {@code since} that are neither completed nor failed. */
    public int runningSince(Instant since) {
        return count(since, false);
    }

    /** Publications since {@code since} whose listener failed (left for a retry at the next start). */
    public int failedSince(Instant since) {
        return count(since, true);
    }

    /**
     * Waits until every publication since {@code since} has completed or failed, at most {@code limit};
     * {@code progress} hears the number still running whenever it changes (and once at the start).
     */
    public Outcome awaitSince(Instant since, Duration limit, IntConsumer progress) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int last = -1;
        while (true) {
            int running = runningSince(since);
            if (running != last) {
                progress.accept(running);
                last = running;
            }
            if (running == 0 || System.nanoTime() >= deadline) {
                return new Outcome(running, failedSince(since));
            }
            Thread.sleep(POLL);
        }
    }

    private int count(Instant since, boolean failed) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                        + " AND publication_date >= :since AND (coalesce(status, '') = 'FAILED') = :failed")
                .param("since", Timestamp.from(since)).param("failed", failed).query(Integer.class).single();
    }
}
