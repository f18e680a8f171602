package org.custodian.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import org.custodian.platform.OpenEventPublications;

/**
 * The end of a command that changed the record: waits, with a progress line ({@code waiting for
 * checks: n left}), until the listeners its changes started have finished, so the record is
 * consistent when the command exits; says plainly when they did not finish in time or failed.
 */
final class ChecksWait {
    private static final long REDRAW_NANOS = 1_000_000_000L;

    private final OpenEventPublications publications;
    private final PrintWriter err;
    private final boolean terminal;
    private long lastLine;
    private int lastLength;

    ChecksWait(OpenEventPublications publications, PrintWriter err, boolean terminal) {
        this.publications = publications;
        this.err = err;
        this.terminal = terminal;
    }

    /** Waits for the events published since {@code since}; true when they all finished in time. */
    boolean await(Instant since, Duration limit) throws InterruptedException {
        if (publications.runningSince(since) == 0 && publications.failedSince(since) == 0) {
            return true;
        }
        long started = System.nanoTime();
        OpenEventPublications.Outcome outcome = publications.awaitSince(since, limit, this::show);
        if (terminal) {
            err.println();
        }
        if (outcome.finished()) {
            err.printf("waiting for checks: done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } else {
            err.printf("waiting for checks: %d still running after %d s; stopping now, they resume when Custodian next"
                    + " starts (raise --checks-timeout to wait longer)%n", outcome.stillRunning(), limit.toSeconds());
        }
        if (outcome.failed() > 0) {
            err.printf("waiting for checks: %d failed; they are retried when Custodian next starts (see the log)%n",
                    outcome.failed());
        }
        err.flush();
        return outcome.finished() && outcome.failed() == 0;
    }

    private void show(int left) {
        String line = "waiting for checks: " + left + " left";
        long now = System.nanoTime();
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else if (lastLine == 0 || now - lastLine >= REDRAW_NANOS || left == 0) {
            err.println(line);
            lastLine = now;
        } else {
            return;
        }
        err.flush();
    }
}
