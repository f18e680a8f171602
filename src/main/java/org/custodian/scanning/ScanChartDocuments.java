package org.custodian.scanning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Provenance;
import org.custodian.record.RecordChanges;
import org.custodian.record.RecordWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a filed scan a document of the chart it is filed to, so everything that reads charts sees
 * it: the chart itself, sensitivity labels on documents, the quality rules (a history and physical
 * scanned on paper is the encounter's history and physical) and FHIR DocumentReference. The document
 * is dated by the paper, authored by the encounter's attending, and final (signed by that attending)
 * only when the paper bears the signature; otherwise it waits for an electronic signature. Moving the
 * scan retracts the document (entered in error, every version kept) and files a new one where it went.
 */
@Component
class ScanChartDocuments {
    static final String SOURCE = "custodian-scanning";

    private final RecordWriter writer;
    private final DocumentRepository documents;
    private final RecordChanges changes;
    private final JdbcClient jdbc;

    ScanChartDocuments(RecordWriter writer, DocumentRepository documents, RecordChanges changes, JdbcClient jdbc) {
        this.writer = writer;
        this.documents = documents;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    /** The attending of the encounter a scan signed on paper is filed to: who signed it. */
    UUID paperSigner(Filing filing) {
        if (filing.encounterId() == null) {
            throw new ScanRefused("a scan signed on paper is filed to an encounter: its attending is the signer");
        }
        return attending(filing.encounterId()).orElseThrow(() -> new ScanRefused(
                "encounter " + filing.encounterId() + " has no attending to have signed the paper"));
    }

    /**
     * Files the scan's chart document where the filing says, and remembers it on the scan. A paper
     * signature counts when the filing's encounter has an attending (checked by {@link #paperSigner}
     * before indexing); a signed scan moved where no attending is known waits for a signature.
     */
    UUID file(Scan scan, Filing filing, boolean signedOnPaper, String by, Instant at) {
        UUID author = filing.encounterId() == null ? null : attending(filing.encounterId()).orElse(null);
        UUID signer = signedOnPaper && author != null ? author : null;
        Instant dated = filing.documentDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Provenance prov = new Provenance(SOURCE, "scan " + scan.id(), at, by);
        DocumentVersion first = new DocumentVersion(1, signer == null ? DocumentStatus.DRAFT : DocumentStatus.FINAL,
                "Scanned " + filing.documentType().label().toLowerCase(), body(scan, filing, signedOnPaper),
                author, signer == null ? null : dated, signer, null, prov);
        ClinicalDocument document = new ClinicalDocument(UUID.randomUUID(), filing.patientId(), filing.encounterId(),
                filing.documentType(), null, dated, List.of(first));
        writer.batch().document(document).flush();
        jdbc.sql("UPDATE scan_document SET chart_document_id = :d, signed_on_paper = :s WHERE id = :id")
                .param("d", document.id()).param("s", signedOnPaper).param("id", scan.id()).update();
        return document.id();
    }

    /** Takes the scan's chart document out of the chart it was in (entered in error, history kept). */
    void retract(UUID scanId, String reason, String by, Instant at) {
        chartDocument(scanId).flatMap(documents::find).filter(d -> !d.isEnteredInError()).ifPresent(d ->
                documents.markEnteredInError(d.id(), d.current().version(), "scan moved: " + reason,
                        new Provenance(SOURCE, "scan " + scanId, at, by)));
    }

    /** The scan's QA state changed (flagged, confirmed): the chart's checks must look again. */
    void announce(UUID patientId) {
        changes.changed(patientId);
    }

    boolean signedOnPaper(UUID scanId) {
        return jdbc.sql("SELECT signed_on_paper FROM scan_document WHERE id = :id").param("id", scanId)
                .query(Boolean.class).optional().orElse(false);
    }

    Optional<UUID> chartDocument(UUID scanId) {
        return jdbc.sql("SELECT chart_document_id FROM scan_document WHERE id = :id AND chart_document_id IS NOT NULL")
                .param("id", scanId).query(UUID.class).optional();
    }

    private Optional<UUID> attending(UUID encounterId) {
        return jdbc.sql("SELECT attending_id FROM encounter WHERE id = :e AND attending_id IS NOT NULL")
                .param("e", encounterId).query(UUID.class).optional();
    }

    private static String body(Scan scan, Filing filing, boolean signedOnPaper) {
        return "Scanned paper document '" + scan.originalName() + "' (" + scan.mediaType() + ", " + scan.pages()
                + (scan.pages() == 1 ? " page" : " pages") + "), dated " + filing.documentDate() + ", "
                + (signedOnPaper ? "signed on paper" : "not signed on paper") + ". The image is scan " + scan.id()
                + " in scanned documents.";
    }
}
