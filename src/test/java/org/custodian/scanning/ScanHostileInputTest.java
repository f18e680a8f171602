package org.custodian.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Files a scanner or a person might send by mistake or on purpose: names and declared types that
 * lie, empty and truncated files, files too large, names that try to climb out of the data folder.
 */
@IntegrationTest
class ScanHostileInputTest {
    private static final ScanActor CLERK = new ScanActor("hostile.clerk", "HIT / coder", "203.0.113.9");

    @Autowired
    ScanIntake intake;
    @Autowired
    ScanStore store;
    @Autowired
    ScanInspector inspector;
    @Autowired
    ScanRepository scans;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Value("${custodian.data-directory}")
    Path dataDirectory;

    @Test
    void aTextFileNamedPdfIsRefusedByItsContentAndKeptAsReceived() throws Exception {
        byte[] html = ("<html><script>alert('x')</script>" + UUID.randomUUID() + "</html>").getBytes(StandardCharsets.UTF_8);
        RejectedScan refused = rejected(intake.receive(new ByteArrayInputStream(html), "discharge.pdf", "application/pdf",
                null, CLERK));
        assertThat(refused.reason()).contains("not a PDF, PNG, JPEG or TIFF");
        assertThat(refused.declaredType()).isEqualTo("application/pdf");
        assertThat(refused.originalName()).isEqualTo("discharge.pdf");
        assertThat(Files.readAllBytes(dataDirectory.resolve("files/scanned/rejected").resolve(refused.sha256())))
                .isEqualTo(html);
        assertThat(jdbc.sql("SELECT reason FROM scan_rejected WHERE id = :id").param("id", refused.id())
                .query(String.class).single()).isEqualTo(refused.reason());
        assertThat(jdbc.sql("SELECT count(*) FROM scan_document WHERE original_name = 'discharge.pdf' AND sha256 = :s")
                .param("s", refused.sha256()).query(Long.class).single()).isZero();
    }

    @Test
    void aFileThatOnlyStartsLikeAPdfOrAnImageIsRefusedWithWhatCouldNotReadIt() {
        byte[] fakePdf = ("%PDF-1.7\n" + UUID.randomUUID() + " this is not a PDF body\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(rejected(intake.receive(new ByteArrayInputStream(fakePdf), "fake.pdf", null, null, CLERK)).reason())
                .startsWith("the file starts like a PDF but PDFBox cannot open it");

        byte[] truncated = Arrays.copyOf(ScanSamples.png(400, 300), 60);
        assertThat(rejected(intake.receive(new ByteArrayInputStream(truncated), "cut.png", "image/png", null, CLERK)).reason())
                .startsWith("the file starts like a PNG image but ImageIO cannot read it");

        byte[] pdf = ScanSamples.pdf(2, "cut " + UUID.randomUUID());
        byte[] halfPdf = Arrays.copyOf(pdf, 40);
        assertThat(rejected(intake.receive(new ByteArrayInputStream(halfPdf), "half.pdf", null, null, CLERK)).reason())
                .contains("PDFBox cannot open it");
    }

    @Test
    void anEmptyFileIsRefused() {
        RejectedScan refused = rejected(intake.receive(InputStream.nullInputStream(), "blank.pdf", "application/pdf",
                null, CLERK));
        assertThat(refused.reason()).isEqualTo("the file is empty (0 bytes)");
        assertThat(refused.sizeBytes()).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingReadWholeOrStored() throws Exception {
        ScanIntake small = new ScanIntake(store, inspector, scans, audit, tx,
                new ScanningProperties(DataSize.ofMegabytes(1), 1_000_000, 800));
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'x');
                served[0] += len;
                return len;
            }
        };
        RejectedScan refused = rejected(small.receive(endless, "huge.pdf", "application/pdf", null, CLERK));
        assertThat(refused.reason()).isEqualTo("the file is larger than the 1 MB limit");
        assertThat(served[0]).as("reading stops soon after the limit").isLessThan(2L * 1024 * 1024);
        assertThat(refused.sha256()).isNull();
        try (Stream<Path> parts = Files.list(dataDirectory.resolve("files/scanned/incoming"))) {
            assertThat(parts).as("no partial file is left behind").isEmpty();
        }
    }

    @Test
    void anImageTooLargeToDecodeIsRefusedBeforeItIsDecoded() {
        ScanIntake strict = new ScanIntake(store, inspector, scans, audit, tx,
                new ScanningProperties(DataSize.ofMegabytes(50), 1_000_000, 800));
        ScanInspector tight = new ScanInspector(new ScanningProperties(DataSize.ofMegabytes(50), 10_000, 800));
        ScanIntake guarded = new ScanIntake(store, tight, scans, audit, tx,
                new ScanningProperties(DataSize.ofMegabytes(50), 10_000, 800));
        assertThat(strict.receive(new ByteArrayInputStream(ScanSamples.png(200, 100)), "ok.png", null, null, CLERK))
                .isInstanceOf(Intake.Accepted.class);
        assertThat(rejected(guarded.receive(new ByteArrayInputStream(ScanSamples.png(200, 100)), "big.png", null, null,
                CLERK)).reason()).contains("200 × 100 pixels, more than the 10000 allowed");
    }

    @Test
    void aNameThatClimbsOutOfTheDataFolderIsKeptAsTextAndTheFileIsStoredByItsHash() throws Exception {
        byte[] pdf = ScanSamples.pdf(1, "traversal " + UUID.randomUUID());
        Scan scan = accepted(intake.receive(new ByteArrayInputStream(pdf), "../../../../etc/cron.d/evil.pdf", "text/html",
                null, CLERK));
        assertThat(scan.originalName()).isEqualTo("evil.pdf");
        assertThat(store.path(scan.sha256())).startsWith(dataDirectory.toAbsolutePath().normalize().resolve("files/scanned"))
                .hasBinaryContent(pdf);
        assertThat(dataDirectory.resolve("../../../../etc/cron.d/evil.pdf").normalize()).doesNotExist();

        Scan windows = accepted(intake.receive(new ByteArrayInputStream(ScanSamples.png(10, 10)), "..\\..\\x\u0000\nnote.png",
                null, null, CLERK));
        assertThat(windows.originalName()).isEqualTo("xnote.png");
        Scan dots = accepted(intake.receive(new ByteArrayInputStream(ScanSamples.jpeg(10, 10)), "..", null, null, CLERK));
        assertThat(dots.originalName()).isEqualTo("unnamed");
    }

    private static RejectedScan rejected(Intake result) {
        assertThat(result).isInstanceOf(Intake.Rejected.class);
        return ((Intake.Rejected) result).rejected();
    }

    private static Scan accepted(Intake result) {
        assertThat(result).isInstanceOf(Intake.Accepted.class);
        return ((Intake.Accepted) result).scan();
    }
}
