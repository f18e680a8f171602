package org.custodian.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Notes per second when {@code threads} threads share the notes (wall clock), with the machine's load
 * average before and after, since on a shared machine the figure means little without it.
 */
record SuggestionThroughput(int notes, int threads, double seconds, double loadBefore, double loadAfter) {

    static <T> SuggestionThroughput measure(List<T> notes, int threads, Consumer<T> suggest) throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < notes.size(); i = next.getAndIncrement()) {
                        suggest.accept(notes.get(i));
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new SuggestionThroughput(notes.size(), threads, seconds, loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    double notesPerSecond() {
        return notes / seconds;
    }

    @Override
    public String toString() {
        return String.format("%.1f notes/s on %d threads (%d notes in %.1f s; load average %.1f before, %.1f after, %d cores)",
                notesPerSecond(), threads, notes, seconds, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
    }
}
