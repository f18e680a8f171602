package org.custodian.scanning;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.PatientQuery;
import org.custodian.record.PatientSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files scans into charts and keeps them right: the indexer files an unindexed scan to a patient
 * (found by MRN), an encounter of theirs and a document type; the QA reviewer confirms it, flags it
 * as mis-indexed, or moves it to the right chart. Each step is kept in the scan's history and
 * audited against every patient it touches; the user must be allowed each chart it touches.
 */
@Service
public class ScanIndexing {
    static final int MAX_COMMENT = 2000;
    private static final Set<ScanStatus> FILED = EnumSet.of(ScanStatus.INDEXED, ScanStatus.FLAGGED, ScanStatus.CONFIRMED);

    private final ScanRepository scans;
    private final PhiAccess phi;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ScanChartDocuments chartDocuments;
    private final Clock clock = Clock.systemUTC();

    ScanIndexing(ScanRepository scans, PhiAccess phi, AuditTrail audit, TransactionTemplate tx,
                 ScanChartDocuments chartDocuments) {
        this.scans = scans;
        this.chartDocuments = chartDocuments;
        this.phi = phi;
        this.audit = audit;
        this.tx = tx;
    }

    /** Patients with this MRN in the user's facilities (an audited search). */
    public List<PatientSummary> findByMrn(CustodianUser user, String mrn) {
        requireAny(user, "search for the patient of a scan");
        return phi.searchPatients(user, new PatientQuery(null, null, mrn));
    }

    /** A chart to file to, with its encounters to choose from (an audited read of the patient's record). */
    public java.util.Optional<ChartChoice> chart(CustodianUser user, UUID patientId) {
        requireAny(user, "choose the chart for a scan");
        return phi.readRecord(user, patientId, "Encounter", "patient=" + patientId,
                () -> scans.patientLabel(patientId).map(label ->
                        new ChartChoice(patientId, label, scans.encounters(patientId))));
    }

    /** Files an unindexed scan that bears no signature; it then waits for QA. */
    public Scan index(CustodianUser user, String clientAddress, UUID scanId, Filing filing) {
        return index(user, clientAddress, scanId, filing, false);
    }

    /**
     * Files an unindexed scan; it becomes a document of that chart (final when the paper is signed,
     * by the encounter's attending; otherwise awaiting their signature) and waits for QA.
     */
    public Scan index(CustodianUser user, String clientAddress, UUID scanId, Filing filing, boolean signedOnPaper) {
        require(user, Permission.INDEX_SCANS, clientAddress, scanId, "index scans");
        if (signedOnPaper) {
            chartDocuments.paperSigner(filing);
        }
        Scan scan = find(scanId);
        if (scan.status() != ScanStatus.UNINDEXED) {
            throw new ScanRefused("scan " + scanId + " is already indexed (" + scan.status().label()
                    + "); a QA reviewer moves it if it is in the wrong chart");
        }
        String label = chartLabel(user, filing);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            changed(scans.file(scanId, filing, ScanStatus.INDEXED, user.getUsername(), now, Set.of(ScanStatus.UNINDEXED)),
                    scanId);
            scans.append(scanId, new IndexStep(0, now, user.getUsername(), IndexAction.INDEXED, null, null,
                    filing.patientId(), label, null, filing.encounterId(), null, filing.documentType(), null,
                    filing.documentDate(), null, null));
            UUID document = chartDocuments.file(scan, filing, signedOnPaper, user.getUsername(), now);
            audit(user, clientAddress, filing.patientId(), scanId, "indexed to this chart as "
                    + filing.documentType() + " of " + filing.documentDate() + encounterText(filing)
                    + (signedOnPaper ? ", signed on paper" : "") + "; chart document " + document);
        });
        return find(scanId);
    }

    /** QA agrees with the indexing (or with it after all, clearing a flag). */
    public Scan confirm(CustodianUser user, String clientAddress, UUID scanId) {
        require(user, Permission.REVIEW_SCAN_QUALITY, clientAddress, scanId, "review scans");
        Scan scan = filed(scanId);
        String label = chartLabel(user, scan.filing());
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            changed(scans.confirm(scanId, EnumSet.of(ScanStatus.INDEXED, ScanStatus.FLAGGED)), scanId);
            scans.append(scanId, new IndexStep(0, now, user.getUsername(), IndexAction.CONFIRMED, null, null,
                    scan.filing().patientId(), label, null, scan.filing().encounterId(), null,
                    scan.filing().documentType(), null, scan.filing().documentDate(), null, null));
            audit(user, clientAddress, scan.filing().patientId(), scanId, "indexing confirmed by QA");
            if (scan.status() == ScanStatus.FLAGGED) {
                chartDocuments.announce(scan.filing().patientId());
            }
        });
        return find(scanId);
    }

    /** QA says the scan is indexed wrongly, and why; it waits in the queue until it is moved or confirmed. */
    public Scan flag(CustodianUser user, String clientAddress, UUID scanId, FlagReason reason, String comment) {
        require(user, Permission.REVIEW_SCAN_QUALITY, clientAddress, scanId, "review scans");
        Objects.requireNonNull(reason, "reason");
        String text = comment(comment, "say what is wrong in a comment");
        Scan scan = filed(scanId);
        String label = chartLabel(user, scan.filing());
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            changed(scans.flag(scanId, new Scan.Flag(reason, text, user.getUsername(), now),
                    EnumSet.of(ScanStatus.INDEXED, ScanStatus.CONFIRMED, ScanStatus.FLAGGED)), scanId);
            scans.append(scanId, new IndexStep(0, now, user.getUsername(), IndexAction.FLAGGED,
                    scan.filing().patientId(), label, null, null, scan.filing().encounterId(), null,
                    scan.filing().documentType(), null, scan.filing().documentDate(), null, reason, text));
            audit(user, clientAddress, scan.filing().patientId(), scanId, "flagged by QA: " + reason + ": " + text);
            chartDocuments.announce(scan.filing().patientId());
        });
        return find(scanId);
    }

    /**
     * Re-files a scan (another chart, encounter, type or date). The reviewer must be allowed both
     * charts; both are audited, and the history names where it was, where it went, who and why.
     */
    public Scan move(CustodianUser user, String clientAddress, UUID scanId, Filing to, String why) {
        require(user, Permission.REVIEW_SCAN_QUALITY, clientAddress, scanId, "move scans between charts");
        String reason = comment(why, "say why the scan is moved");
        Scan scan = filed(scanId);
        Filing from = scan.filing();
        if (from.equals(to)) {
            throw new ScanRefused("the scan is already filed exactly there; change the patient, encounter, type or date");
        }
        String fromLabel = chartLabel(user, from);
        String toLabel = chartLabel(user, to);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            changed(scans.file(scanId, to, ScanStatus.CONFIRMED, user.getUsername(), now, FILED), scanId);
            scans.append(scanId, new IndexStep(0, now, user.getUsername(), IndexAction.MOVED, from.patientId(),
                    fromLabel, to.patientId(), toLabel, from.encounterId(), to.encounterId(), from.documentType(),
                    to.documentType(), from.documentDate(), to.documentDate(), scan.flag() == null ? null
                    : scan.flag().reason(), reason));
            chartDocuments.retract(scanId, reason, user.getUsername(), now);
            chartDocuments.file(scan, to, chartDocuments.signedOnPaper(scanId), user.getUsername(), now);
            if (from.patientId().equals(to.patientId())) {
                audit(user, clientAddress, to.patientId(), scanId, "re-indexed within this chart as "
                        + to.documentType() + " of " + to.documentDate() + encounterText(to) + ": " + reason);
            } else {
                audit(user, clientAddress, from.patientId(), scanId, "moved out of this chart to patient "
                        + to.patientId() + ": " + reason);
                audit(user, clientAddress, to.patientId(), scanId, "moved into this chart from patient "
                        + from.patientId() + " as " + to.documentType() + " of " + to.documentDate()
                        + encounterText(to) + ": " + reason);
            }
        });
        return find(scanId);
    }

    /** How the chart is named in the history; reading it is the audited proof the user may touch that chart. */
    private String chartLabel(CustodianUser user, Filing filing) {
        String label = phi.readRecord(user, filing.patientId(), "Patient", filing.patientId().toString(),
                        () -> scans.patientLabel(filing.patientId()))
                .orElseThrow(() -> new ScanRefused("there is no patient " + filing.patientId()));
        if (filing.encounterId() != null && !scans.encounterBelongsTo(filing.encounterId(), filing.patientId())) {
            throw new ScanRefused("encounter " + filing.encounterId() + " is not an encounter of " + label);
        }
        return label;
    }

    private Scan find(UUID scanId) {
        return scans.find(scanId).orElseThrow(() -> new ScanRefused("there is no scan " + scanId));
    }

    private Scan filed(UUID scanId) {
        Scan scan = find(scanId);
        if (scan.filing() == null) {
            throw new ScanRefused("scan " + scanId + " is not indexed yet; an indexer files it first");
        }
        return scan;
    }

    private static void changed(boolean updated, UUID scanId) {
        if (!updated) {
            throw new ScanRefused("scan " + scanId + " was changed by someone else meanwhile; reload it and try again");
        }
    }

    private static String comment(String text, String missing) {
        if (text == null || text.isBlank()) {
            throw new ScanRefused(missing);
        }
        String clean = text.strip();
        if (clean.length() > MAX_COMMENT) {
            throw new ScanRefused("the comment is longer than " + MAX_COMMENT + " characters");
        }
        return clean;
    }

    private static String encounterText(Filing filing) {
        return filing.encounterId() == null ? "" : ", encounter " + filing.encounterId();
    }

    private void requireAny(CustodianUser user, String what) {
        if (!user.can(Permission.INDEX_SCANS) && !user.can(Permission.REVIEW_SCAN_QUALITY)) {
            throw new ScanNotAllowed("Your role does not allow you to " + what + ".");
        }
    }

    private void require(CustodianUser user, Permission permission, String clientAddress, UUID scanId, String what) {
        if (!user.can(permission)) {
            audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.UPDATE, AuditOutcome.DENIED,
                    null, "ScannedDocument", scanId.toString(), "role does not allow " + permission, clientAddress));
            throw new ScanNotAllowed("Your role does not allow you to " + what + ".");
        }
    }

    private void audit(CustodianUser user, String clientAddress, UUID patientId, UUID scanId, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.UPDATE, AuditOutcome.SUCCESS,
                patientId, "ScannedDocument", scanId.toString(), detail, clientAddress));
    }
}
