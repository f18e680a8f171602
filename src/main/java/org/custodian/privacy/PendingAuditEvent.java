package org.custodian.privacy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An audit event on its way into the chain (see {@link AuditTrail#begin}). Whoever started it must
 * call {@link #durable()} before anything the event covers leaves the server.
 */
public final class PendingAuditEvent {
    private final CompletableFuture<AuditEvent> appended;

    PendingAuditEvent(CompletableFuture<AuditEvent> appended) {
        this.appended = appended;
    }

    /** Waits until the event is durable (committed), and returns it; throws if it could not be written. */
    public AuditEvent durable() {
        try {
            return appended.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
