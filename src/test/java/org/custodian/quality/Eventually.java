package org.custodian.quality;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the asynchronous record-change listener does after a commit. */
public final class Eventually {
    private Eventually() {
    }

    public static void within(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
