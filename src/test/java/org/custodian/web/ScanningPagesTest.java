package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.scanning.Filing;
import org.custodian.scanning.Intake;
import org.custodian.scanning.ScanActor;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanIntake;
import org.custodian.scanning.ScanSamples;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scanning screens over real HTTP: escaping of what people type, file headers, and who may see what. */
@IntegrationTest
class ScanningPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ScanIntake intake;
    @Autowired
    ScanIndexing indexing;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void markupInAFlagCommentIsShownAsTextNeverRun() {
        World w = world();
        WebSession qa = WebSession.signedIn(port, w.reviewer, PASSWORD);
        assertThat(qa.get("/scanning/scans/" + w.scanId).status()).isEqualTo(200);
        Page flagged = qa.postWithToken("/scanning/scans/" + w.scanId + "/flag", Map.of("reason", "WRONG_TYPE",
                "comment", "<script>alert('x')</script><img src=x onerror=alert(1)>"));
        assertThat(flagged.status()).isEqualTo(302);
        Page page = qa.get("/scanning/scans/" + w.scanId);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }

    @Test
    void thePreviewAndTheFileAreNeverCachedAndTheFileIsOnlyADownload() {
        World w = world();
        WebSession qa = WebSession.signedIn(port, w.reviewer, PASSWORD);
        Page preview = qa.get("/scanning/scans/" + w.scanId + "/preview.png");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(preview.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Page file = qa.get("/scanning/scans/" + w.scanId + "/file");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("scan.pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND resource_id = :s AND action = 'READ'"
                        + " AND resource_type IN ('ScannedDocument.preview', 'ScannedDocument.file') AND patient_id = :p")
                .param("u", w.reviewer).param("s", w.scanId.toString()).param("p", w.patient)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void rolesWithoutScanningWorkAndOtherFacilitiesSeeNothing() {
        World w = world();
        WebFixtures fixtures = WebFixtures.of(context);
        String clinician = fixtures.user("scan.doc." + w.suffix, Role.CLINICIAN, w.hospital);
        WebSession doc = WebSession.signedIn(port, clinician, PASSWORD);
        assertThat(doc.get("/scanning").status()).isEqualTo(403);
        assertThat(doc.get("/scanning/qa").status()).isEqualTo(403);
        assertThat(doc.get("/scanning/patients/" + w.patient).body()).contains("scan.pdf");

        Facility other = fixtures.hospital("SCO-" + w.suffix.toUpperCase(Locale.ROOT));
        String outsider = fixtures.user("scan.out." + w.suffix, Role.HIM_DIRECTOR, other);
        WebSession out = WebSession.signedIn(port, outsider, PASSWORD);
        Page scan = out.get("/scanning/scans/" + w.scanId);
        assertThat(scan.status()).isEqualTo(403);
        assertThat(scan.body()).doesNotContain("Scanpage", "scan.pdf");
        assertThat(out.get("/scanning/scans/" + w.scanId + "/preview.png").status()).isEqualTo(403);
        assertThat(out.get("/scanning/qa").body()).doesNotContain("Scanpage");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND outcome = 'DENIED' AND patient_id = :p")
                .param("u", outsider).param("p", w.patient).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithAPlainMessageAndNothingStored() throws Exception {
        World w = world();
        WebSession clerk = WebSession.signedIn(port, w.reviewer, PASSWORD);
        Page inbox = clerk.get("/scanning");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(inbox.body());
        assertThat(token.find()).isTrue();
        String boundary = "scan-" + w.suffix;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + (int) intake.maxBytes() + 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/scanning/upload?_csrf=" + token.group(1)))
                        .header("Cookie", "SESSION=" + clerk.sessionCookie())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("File too large", "larger than Custodian accepts, so nothing was stored");
        assertThat(jdbc.sql("SELECT count(*) FROM scan_document WHERE original_name = 'huge.pdf' AND uploaded_by = :u")
                .param("u", w.reviewer).query(Long.class).single()).isZero();
    }

    private World world() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("SCP-" + suffix.toUpperCase(Locale.ROOT));
        WebFixtures.Chart chart = fixtures.chart("Sam", "Scanpage", LocalDate.of(1970, 1, 2), hospital, "S" + suffix);
        String reviewer = fixtures.user("scan.pages." + suffix, Role.HIM_DIRECTOR, hospital);
        CustodianUser user = accounts.find(reviewer).orElseThrow();
        Intake received = intake.receive(new ByteArrayInputStream(ScanSamples.pdf(1, "pages " + suffix)), "scan.pdf",
                "application/pdf", hospital.id(), ScanActor.of(user, "test"));
        UUID scanId = ((Intake.Accepted) received).scan().id();
        indexing.index(user, "test", scanId, new Filing(chart.id(), null, DocumentType.CONSULTATION, LocalDate.of(2025, 3, 3)));
        return new World(suffix, hospital, chart.id(), reviewer, scanId);
    }

    private record World(String suffix, Facility hospital, UUID patient, String reviewer, UUID scanId) {
    }
}
