package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodian.IntegrationTest;
import org.custodian.transcription.TranscriptionFixtures;
import org.custodian.transcription.TranscriptionJob;
import org.custodian.transcription.TranscriptionWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The transcription screens over real HTTP: bad input is shown naming what and where, other people's documents are 403s. */
@IntegrationTest
class TranscriptionPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TranscriptionWork work;

    @Test
    void badInputOnTheNewDocumentFormIsShownWithWhatWasTyped() {
        TranscriptionFixtures f = new TranscriptionFixtures(context, "tp");
        WebSession typist = WebSession.signedIn(port, f.transcriptionist, TranscriptionFixtures.PASSWORD);
        WebSession.Page form = typist.open("/transcription/new?type=OPERATIVE_REPORT");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("PREOPERATIVE DIAGNOSIS:", f.resident.displayName(), f.attending.displayName());

        WebSession.Page empty = typist.postWithToken("/transcription", Map.of("mrn", f.chart.mrn, "type", "OPERATIVE_REPORT",
                "body", "   ", "author", f.resident.id().toString()));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Not saved: text: the document is empty; type the dictation before saving.")
                .contains("value=\"" + f.chart.mrn + "\"");

        WebSession.Page unknown = typist.postWithToken("/transcription", Map.of("mrn", "NOPE-1", "type", "OPERATIVE_REPORT",
                "body", "Laparoscopic appendectomy.", "author", f.resident.id().toString()));
        assertThat(unknown.body()).contains("Not saved: MRN &#39;NOPE-1&#39;: no patient with this medical record number"
                + " at your facilities.").contains("Laparoscopic appendectomy.");

        WebSession.Page saved = typist.postWithToken("/transcription", Map.of("mrn", f.chart.mrn, "type", "OPERATIVE_REPORT",
                "body", "Laparoscopic appendectomy.", "author", f.resident.id().toString()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("/transcription/jobs/");
    }

    @Test
    void onlyTheAuthorMaySignAndCoSigningWaitsForTheSignature() {
        TranscriptionFixtures f = new TranscriptionFixtures(context, "tq");
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary("Course uneventful."));
        work.submit(f.account(f.transcriptionist), job.id());
        work.pass(f.account(f.reviewer), job.id());
        String path = "/transcription/jobs/" + job.id();

        WebSession attending = WebSession.signedIn(port, f.attendingUser, TranscriptionFixtures.PASSWORD);
        WebSession.Page page = attending.open(path);
        assertThat(page.body()).contains("Course uneventful.").doesNotContain("id=\"sign\"");
        WebSession.Page refused = attending.postWithToken(path + "/sign", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("waits for " + f.resident.displayName() + "&#39;s signature, not yours");
        attending.open(path);
        WebSession.Page early = attending.postWithToken(path + "/cosign", Map.of());
        assertThat(early.status()).isEqualTo(302);
        assertThat(attending.open(path).body()).contains("Not co-signed: job " + job.id() + ": " + f.resident.displayName()
                + " has not signed it yet (awaiting signature); the co-signature follows the author&#39;s signature.");

        WebSession typist = WebSession.signedIn(port, f.transcriptionist, TranscriptionFixtures.PASSWORD);
        typist.open(path);
        assertThat(typist.postWithToken(path + "/sign", Map.of()).status()).isEqualTo(403);
        assertThat(typist.open("/transcription/jobs/00000000-0000-0000-0000-000000000009").status()).isEqualTo(404);
    }

    @Test
    void aSignerIsNotOfferedTheTemplatesTabTheyMayNotOpen() {
        TranscriptionFixtures f = new TranscriptionFixtures(context, "tt");
        WebSession attending = WebSession.signedIn(port, f.attendingUser, TranscriptionFixtures.PASSWORD);
        assertThat(attending.open("/transcription/signatures").body()).contains("To sign")
                .doesNotContain("href=\"/transcription/templates\"");
        assertThat(attending.open("/transcription/templates").status()).isEqualTo(403);

        WebSession typist = WebSession.signedIn(port, f.transcriptionist, TranscriptionFixtures.PASSWORD);
        assertThat(typist.open("/transcription").body()).contains("href=\"/transcription/templates\"");
        assertThat(typist.open("/transcription/templates").status()).isEqualTo(200);
    }
}
