package org.custodian.mpi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The Linux scheduler's own account of a process ({@code /proc/PID/schedstat}): nanoseconds spent
 * running on a core and nanoseconds spent runnable but waiting for one. Reads zero where the kernel
 * does not keep these figures.
 */
final class SchedulerClock {
    /** Time on a core and time waiting in the run queue, in nanoseconds. */
    record Times(long running, long waiting) {
        static final Times ZERO = new Times(0, 0);

        Times minus(Times earlier) {
            return new Times(running - earlier.running, waiting - earlier.waiting);
        }

        Times plus(Times other) {
            return new Times(running + other.running, waiting + other.waiting);
        }
    }

    private SchedulerClock() {
    }

    /** The summed times of these processes (e.g. the database's backends). */
    static Times processes(Collection<Integer> pids) {
        Times sum = Times.ZERO;
        for (int pid : pids) {
            sum = sum.plus(read(Path.of("/proc/" + pid + "/schedstat")));
        }
        return sum;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/schedstat"));
    }

    private static Times read(Path file) {
        try {
            String[] fields = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim().split(" ");
            return new Times(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        } catch (IOException | RuntimeException e) {
            return Times.ZERO;
        }
    }
}
