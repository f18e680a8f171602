package org.custodian.scanning;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives one scanned file: stores it by content hash, tells what it is from its bytes, opens it
 * to count pages, and records it unindexed, or refuses it with the reason and keeps it in the
 * rejected list as received. Either way the audit trail says who sent what.
 */
@Service
public class ScanIntake {
    static final int MAX_NAME = 200;

    private final ScanStore store;
    private final ScanInspector inspector;
    private final ScanRepository scans;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final long maxBytes;
    private final Clock clock = Clock.systemUTC();

    ScanIntake(ScanStore store, ScanInspector inspector, ScanRepository scans, AuditTrail audit, TransactionTemplate tx,
               ScanningProperties properties) {
        this.store = store;
        this.inspector = inspector;
        this.scans = scans;
        this.audit = audit;
        this.tx = tx;
        this.maxBytes = properties.maxFileSize().toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @param originalName the file's name as sent (only its last part is kept, as text; never a path)
     * @param declaredType the media type the sender declared; recorded, never trusted
     * @param facilityId   the facility the paper came from, if known
     */
    public Intake receive(InputStream in, String originalName, String declaredType, UUID facilityId, ScanActor actor) {
        String name = safeName(originalName);
        ScanStore.Received received = store.receive(in, maxBytes);
        if (received.tooLarge()) {
            return reject(received, name, declaredType, facilityId, actor, false,
                    "the file is larger than the " + megabytes(maxBytes) + " limit");
        }
        if (received.size() == 0) {
            return reject(received, name, declaredType, facilityId, actor, false, "the file is empty (0 bytes)");
        }
        var type = ScanMediaType.sniff(received.head());
        if (type.isEmpty()) {
            return reject(received, name, declaredType, facilityId, actor, true,
                    "the content is not a PDF, PNG, JPEG or TIFF file (its name and declared type are not trusted)");
        }
        int pages;
        switch (inspector.inspect(received.file(), type.get())) {
            case ScanInspector.Inspection.Unreadable bad -> {
                return reject(received, name, declaredType, facilityId, actor, true, bad.reason());
            }
            case ScanInspector.Inspection.Readable readable -> pages = readable.pages();
        }
        store.keep(received);
        Scan scan = new Scan(UUID.randomUUID(), received.sha256(), received.size(), type.get(), pages, name, facilityId,
                actor.username(), clock.instant(), ScanStatus.UNINDEXED, null, null, null, null);
        tx.executeWithoutResult(s -> {
            scans.insert(scan);
            audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.CREATE, AuditOutcome.SUCCESS, null,
                    "ScannedDocument", scan.id().toString(), "received " + type.get() + ", " + pages + " page(s), "
                    + received.size() + " bytes, sha256 " + received.sha256(), actor.clientAddress()));
        });
        return new Intake.Accepted(scan);
    }

    private Intake reject(ScanStore.Received received, String name, String declaredType, UUID facilityId, ScanActor actor,
                          boolean keepBytes, String reason) {
        if (keepBytes) {
            store.keepRejected(received);
        } else {
            store.discard(received);
        }
        RejectedScan rejected = new RejectedScan(UUID.randomUUID(), name, clip(declaredType, 100), received.size(),
                keepBytes ? received.sha256() : null, reason, facilityId, actor.username(), Instant.now(clock));
        tx.executeWithoutResult(s -> {
            scans.insertRejected(rejected);
            audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.CREATE, AuditOutcome.FAILURE, null,
                    "ScannedDocument", rejected.id().toString(), "rejected '" + name + "': " + reason,
                    actor.clientAddress()));
        });
        return new Intake.Rejected(rejected);
    }

    /** The last part of a sent name, without control characters: "../../etc/passwd" becomes "passwd". */
    static String safeName(String sent) {
        if (sent == null) {
            return "unnamed";
        }
        String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        String clean = last.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            return "unnamed";
        }
        return clip(clean, MAX_NAME);
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%,d bytes", bytes);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
