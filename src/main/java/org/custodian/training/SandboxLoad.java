package org.custodian.training;

import java.time.Instant;
import java.util.UUID;

/** A load of synthetic patients into the sandbox, as far as it has got. */
public record SandboxLoad(UUID id, String requestedBy, int patients, long seed, Status status, String phase, long done,
                          long total, Integer loaded, Integer alreadyLoaded, Integer rejected, String problem,
                          Instant startedAt, Instant finishedAt) {
    public enum Status {
        RUNNING, DONE, FAILED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** How far the current phase is, 0 to 100. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
