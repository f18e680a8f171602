package org.custodian.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Notes per second when {@code threads} threads share the notes (wall clock), with the machine's load
 * average before and after, since on a shared machine the figure means little without it; and the CPU
 * time the worker threads used, which other processes on the machine do not inflate: notes per CPU
 * second is what one core gives when it is not shared.
 */
record SuggestionThroughput(int notes, int threads, double seconds, double cpuSeconds, double loadBefore,
                            double loadAfter) {

    static <T> SuggestionThroughput measure(List<T> notes, int threads, Consumer<T> suggest) throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < notes.size(); i = next.getAndIncrement()) {
                        suggest.accept(notes.get(i));
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new SuggestionThroughput(notes.size(), threads, seconds, cpuNanos.get() / 1e9, loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    double notesPerSecond() {
        return notes / seconds;
    }

    /** Notes per second of CPU time the workers used: one unshared core's rate. */
    double notesPerCpuSecond() {
        return cpuSeconds <= 0 ? 0 : notes / cpuSeconds;
    }

    @Override
    public String toString() {
        return String.format("%.1f notes/s on %d threads (%d notes in %.1f s; load average %.1f before, %.1f after, %d cores);"
                        + " %.1f notes per CPU second (%.1f s of CPU)", notesPerSecond(), threads, notes, seconds,
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(), notesPerCpuSecond(), cpuSeconds);
    }
}
