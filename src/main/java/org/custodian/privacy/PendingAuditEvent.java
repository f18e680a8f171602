package org.custodian.privacy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An audit event on its way into the chain (see {@link AuditTrail#begin}). Whoever started it must
 * call {@link #durable()} before anything the event covers leaves the server.
 */
public final class PendingAuditEvent {
    private final CompletableFuture<AuditEvent> appended;
    private final AuditAppendFigures figures;

    PendingAuditEvent(CompletableFuture<AuditEvent> appended, AuditAppendFigures figures) {
        this.appended = appended;
        this.figures = figures;
    }

    /** Waits until the event is durable (committed), and returns it; throws if it could not be written. */
    public AuditEvent durable() {
        try {
            if (figures == null || !figures.enabled()) {
                return appended.join();
            }
            long start = System.nanoTime();
            AuditEvent event = appended.join();
            figures.waited(System.nanoTime() - start);
            return event;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
