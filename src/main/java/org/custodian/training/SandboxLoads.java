package org.custodian.training;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Creates or refills the training sandbox from the browser: a trainer starts a load, which runs in
 * the background (Synthea, then the import, as {@code custodian training sandbox} does) while its
 * progress is kept for the page to poll. Start, finish and failure are audited under training's tag.
 */
@Service
public class SandboxLoads {
    /** The most a browser-started load generates; larger sandboxes are the command line's job. */
    public static final int MAX_PATIENTS = 1000;
    private static final Logger log = LoggerFactory.getLogger(SandboxLoads.class);

    private final SandboxLoadRepository loads;
    private final SandboxFiller filler;
    private final TrainingAccess access;
    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();

    SandboxLoads(SandboxLoadRepository loads, SandboxFiller filler, TrainingAccess access) {
        this.loads = loads;
        this.filler = filler;
        this.access = access;
    }

    /** Starts a load; refused when one is running already or the count is out of range. */
    public SandboxLoad start(CustodianUser trainer, int patients, long seed) {
        access.require(trainer, Permission.MANAGE_TRAINING, "loading the training sandbox");
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException("patients must be between 1 and " + MAX_PATIENTS + ", not " + patients);
        }
        loads.failAbandoned(runningHere);
        UUID id = UUID.randomUUID();
        if (!loads.insert(id, trainer.getUsername(), patients, seed)) {
            throw new IllegalArgumentException("a sandbox load is running already; wait until it has finished");
        }
        access.record(trainer, AuditAction.CREATE, AuditOutcome.SUCCESS, null, id.toString(),
                "sandbox load started: " + patients + " synthetic patients, Synthea seed " + seed);
        runningHere.add(id);
        Thread.ofVirtual().name("sandbox-load-" + id).start(() -> run(trainer, id, patients, seed));
        return loads.find(id).orElseThrow();
    }

    /**
     * A load still marked running when this server starts was cut off when the last one stopped: it is
     * marked failed now, so the trainer's page says so at once rather than at the next load.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failLoadsLeftByAStoppedServer() {
        int failed = loads.failAbandoned(runningHere);
        if (failed > 0) {
            log.warn("{} sandbox load(s) were running when the server last stopped; marked failed", failed);
        }
    }

    /** A load, for a trainer; {@link TrainingNotFound} when there is none. */
    public SandboxLoad load(CustodianUser trainer, UUID id) {
        access.require(trainer, Permission.MANAGE_TRAINING, "loading the training sandbox");
        return loads.find(id).orElseThrow(() -> new TrainingNotFound("no sandbox load " + id));
    }

    /** The most recent load, for a trainer. */
    public Optional<SandboxLoad> latest(CustodianUser trainer) {
        access.require(trainer, Permission.MANAGE_TRAINING, "loading the training sandbox");
        return loads.latest();
    }

    private void run(CustodianUser trainer, UUID id, int patients, long seed) {
        try {
            SandboxFiller.Filled filled = filler.fill(patients, seed, trainer.getUsername(),
                    (phase, done, total) -> loads.progress(id, phase, done, total));
            access.record(trainer, AuditAction.CREATE, filled.rejected() == 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    null, id.toString(), "sandbox load finished: " + filled.loaded() + " new synthetic patients, "
                            + filled.alreadyLoaded() + " already there, " + filled.rejected() + " rejected");
            loads.finished(id, filled);
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Sandbox load {} failed", id, e);
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            access.record(trainer, AuditAction.CREATE, AuditOutcome.FAILURE, null, id.toString(),
                    "sandbox load failed: " + problem);
            loads.failed(id, problem);
        } finally {
            runningHere.remove(id);
        }
    }
}
