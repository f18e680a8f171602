package org.custodian.scanning;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalQueries;
import org.springframework.stereotype.Service;

/**
 * Reads scans for people. A filed scan is part of its patient's record: it is read through
 * {@link PhiAccess}, which decides (role, facility, restrictions, labels) and audits first. A scan
 * not yet filed is open to indexers and reviewers of the facility it came from, and audited too.
 */
@Service
public class ScanReading {
    static final int QUEUE_LIMIT = 200;

    private final ScanRepository scans;
    private final ScanStore store;
    private final ScanInspector inspector;
    private final ScanChartDocuments chartDocuments;
    private final PhiAccess phi;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final int previewWidth;

    ScanReading(ScanRepository scans, ScanStore store, ScanInspector inspector, ScanChartDocuments chartDocuments,
                PhiAccess phi, AccessPolicy policy, AuditTrail audit, ScanningProperties properties) {
        this.scans = scans;
        this.chartDocuments = chartDocuments;
        this.store = store;
        this.inspector = inspector;
        this.phi = phi;
        this.policy = policy;
        this.audit = audit;
        this.previewWidth = properties.previewWidth();
    }

    /** Scans waiting for an indexer. */
    public List<Scan> inbox(CustodianUser user, String clientAddress) {
        require(user, Permission.INDEX_SCANS, "the scan inbox");
        List<Scan> waiting = scans.unindexed(user.facilityIds(), QUEUE_LIMIT);
        record(user, clientAddress, AuditAction.SEARCH, null, "ScannedDocument", null,
                "scan inbox: " + waiting.size() + " unindexed");
        return waiting;
    }

    /** Files refused at intake, newest first. */
    public List<RejectedScan> rejected(CustodianUser user, String clientAddress) {
        require(user, Permission.INDEX_SCANS, "the rejected scans");
        List<RejectedScan> refused = scans.rejected(user.facilityIds(), QUEUE_LIMIT);
        record(user, clientAddress, AuditAction.SEARCH, null, "ScannedDocument", null,
                "rejected scans: " + refused.size());
        return refused;
    }

    /** Scans awaiting QA and flagged ones, for charts the policy lets this reviewer see. */
    public List<QaItem> qaQueue(CustodianUser user, String clientAddress) {
        require(user, Permission.REVIEW_SCAN_QUALITY, "the scan QA queue");
        List<QaItem> items = scans.qaQueue(user.facilityIds(), QUEUE_LIMIT).stream()
                .filter(s -> policy.decide(user, Permission.REVIEW_SCAN_QUALITY, s.filing().patientId())
                        instanceof AccessDecision.Permit)
                .map(s -> new QaItem(s, scans.patientLabel(s.filing().patientId()).orElse("")))
                .toList();
        record(user, clientAddress, AuditAction.SEARCH, null, "ScannedDocument", null,
                "scan QA queue: " + items.size() + " scans of patients "
                        + items.stream().map(i -> i.scan().filing().patientId().toString()).distinct().toList());
        return items;
    }

    /** One scan with its chart, encounter and history. */
    public Optional<ScanView> scan(CustodianUser user, String clientAddress, UUID scanId) {
        return read(user, clientAddress, scanId, "ScannedDocument", scan -> {
            UUID patient = scan.filing() == null ? null : scan.filing().patientId();
            EncounterChoice encounter = scan.filing() == null || scan.filing().encounterId() == null ? null
                    : scans.encounters(patient).stream().filter(e -> e.id().equals(scan.filing().encounterId()))
                    .findFirst().orElse(null);
            return new ScanView(scan, patient == null ? null : scans.patientLabel(patient).orElse(null), encounter,
                    scans.history(scanId));
        });
    }

    /**
     * The scans filed to a patient's chart, newest document first; empty when there is no such patient.
     * Scans whose chart document or encounter carries a label that keeps the user out are left out,
     * as the chart leaves out those documents.
     */
    public Optional<ChartScans> chartScans(CustodianUser user, UUID patientId) {
        return phi.readRecordWithout(user, patientId, "ScannedDocument", "patient=" + patientId,
                withheld -> scans.patientLabel(patientId).map(label -> new ChartScans(patientId, label,
                        scans.byPatient(patientId).stream().filter(scan -> !withheld(scan, withheld)).toList())));
    }

    private boolean withheld(Scan scan, Set<UUID> withheld) {
        if (withheld.isEmpty()) {
            return false;
        }
        UUID encounter = scan.filing() == null ? null : scan.filing().encounterId();
        return (encounter != null && withheld.contains(encounter))
                || chartDocuments.chartDocument(scan.id()).filter(withheld::contains).isPresent();
    }

    /** Page 1 as a PNG, rendered once and kept beside the file. */
    public Optional<ScanFile> preview(CustodianUser user, String clientAddress, UUID scanId) {
        return read(user, clientAddress, scanId, "ScannedDocument.preview", scan -> {
            Path cached = store.previewPath(scan.sha256(), previewWidth);
            if (!Files.exists(cached)) {
                render(scan, cached);
            }
            return new ScanFile(cached, "image/png", "scan-" + scan.id() + "-page-1.png");
        });
    }

    /** The file as scanned. */
    public Optional<ScanFile> original(CustodianUser user, String clientAddress, UUID scanId) {
        return read(user, clientAddress, scanId, "ScannedDocument.file", scan -> new ScanFile(
                store.path(scan.sha256()), scan.mediaType().mimeType(), scan.originalName()));
    }

    private <T> Optional<T> read(CustodianUser user, String clientAddress, UUID scanId, String resourceType,
                                 Function<Scan, T> reader) {
        Optional<Scan> found = scans.find(scanId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Scan scan = found.get();
        if (scan.filing() != null) {
            return readFiled(user, scan, resourceType, () -> Optional.of(reader.apply(scan)));
        }
        boolean allowed = (user.can(Permission.INDEX_SCANS) || user.can(Permission.REVIEW_SCAN_QUALITY))
                && (scan.facilityId() == null || user.facilityIds().contains(scan.facilityId()));
        if (!allowed) {
            record(user, clientAddress, AuditAction.READ, AuditOutcome.DENIED, null, resourceType, scanId.toString(),
                    "unindexed scan: not an indexer or reviewer of its facility");
            throw new ScanNotAllowed("This scan is not indexed yet; only indexers and reviewers of its facility may see it.");
        }
        T result = reader.apply(scan);
        record(user, clientAddress, AuditAction.READ, null, resourceType, scanId.toString(), "unindexed scan");
        return Optional.of(result);
    }

    /**
     * A filed scan is a chart document: its own labels and its encounter's count beyond the patient's,
     * as when the document is opened from the chart.
     */
    private <T> Optional<T> readFiled(CustodianUser user, Scan scan, String resourceType, Supplier<Optional<T>> reader) {
        UUID patient = scan.filing().patientId();
        Optional<UUID> document = chartDocuments.chartDocument(scan.id());
        if (document.isPresent()) {
            return phi.readPart(user, patient, ClinicalQueries.Kind.DOCUMENT, document.get(), resourceType,
                    scan.id().toString(), reader);
        }
        if (scan.filing().encounterId() != null) {
            return phi.readPart(user, patient, ClinicalQueries.Kind.ENCOUNTER, scan.filing().encounterId(),
                    resourceType, scan.id().toString(), reader);
        }
        return phi.readRecord(user, patient, resourceType, scan.id().toString(), reader);
    }

    private void render(Scan scan, Path cached) {
        BufferedImage page = inspector.firstPage(store.path(scan.sha256()), scan.mediaType(), previewWidth);
        try {
            Files.createDirectories(cached.getParent());
            Path part = Files.createTempFile(cached.getParent(), "preview-", ".part");
            ImageIO.write(page, "png", part.toFile());
            Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preview of scan " + scan.id() + ": " + e.getMessage(), e);
        }
    }

    private static void require(CustodianUser user, Permission permission, String what) {
        if (!user.can(permission)) {
            throw new ScanNotAllowed("Your role does not include " + what + ".");
        }
    }

    private void record(CustodianUser user, String clientAddress, AuditAction action, UUID patientId,
                        String resourceType, String resourceId, String detail) {
        record(user, clientAddress, action, AuditOutcome.SUCCESS, patientId, resourceType, resourceId, detail);
    }

    private void record(CustodianUser user, String clientAddress, AuditAction action, AuditOutcome outcome,
                        UUID patientId, String resourceType, String resourceId, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, resourceType,
                resourceId, detail, clientAddress));
    }
}
