package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.transcription.NewTranscription;
import org.custodian.transcription.TranscriptionJob;
import org.custodian.transcription.TranscriptionWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transcription work queue names each document and carries QA comments on its text: a job whose
 * document carries a label that keeps the transcriptionist out is withheld from the queue (counted,
 * not shown), as opening it is refused. A labelled job no one holds yet (in QA, no reviewer) is listed
 * without its title for a reviewer to take; once taken through the page it opens to them alone.
 */
@IntegrationTest
class TranscriptionLabelledQueueTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    TranscriptionWork transcription;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJobOfALabelledDocumentIsWithheldFromTheWorkQueue() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("TLQ-" + suffix.toUpperCase(Locale.ROOT));
        String mrn = "TLQ" + suffix;
        WebFixtures.Chart chart = fixtures.chart("Tess", "Typed" + suffix, LocalDate.of(1975, 6, 7), hospital, mrn);
        CustodianUser director = accounts.find(fixtures.user("tlq.dir." + suffix, Role.HIM_DIRECTOR, hospital))
                .orElseThrow();
        CustodianUser officer = accounts.find(fixtures.user("tlq.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        String typist = fixtures.user("tlq.mt." + suffix, Role.TRANSCRIPTIONIST, hospital);
        UUID attending = jdbc.queryForObject("SELECT attending_id FROM encounter WHERE patient_id = ? AND attending_id"
                + " IS NOT NULL LIMIT 1", UUID.class, chart.id());
        TranscriptionJob plain = transcription.create(director, new NewTranscription(mrn, "IP-" + mrn,
                DocumentType.CONSULTATION, "Cardiology consult " + suffix, "Consulted for palpitations.", attending, null));
        TranscriptionJob labelled = transcription.create(director, new NewTranscription(mrn, "IP-" + mrn,
                DocumentType.CONSULTATION, "Addiction consult " + suffix, "Consulted for opioid use.", attending, null));
        labels.label(officer, chart.id(), LabelTarget.DOCUMENT, labelled.documentId(), SensitivityLabel.SUBSTANCE_USE_PART2);

        WebSession session = WebSession.signedIn(port, typist, PASSWORD);
        WebSession.Page queue = session.get("/transcription?stage=transcribing");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("Cardiology consult " + suffix, "1 more are kept from you")
                .doesNotContain("Addiction consult " + suffix, labelled.id().toString());
        assertThat(session.get("/transcription/jobs/" + labelled.id()).status()).as("opening it is refused")
                .isEqualTo(403);
        assertThat(session.get("/transcription/jobs/" + plain.id()).status()).isEqualTo(200);
    }

    @Test
    void aLabelledJobInQaIsTakenFromTheQueueAndThenOpensToTheReviewerAlone() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("TLT-" + suffix.toUpperCase(Locale.ROOT));
        String mrn = "TLT" + suffix;
        WebFixtures.Chart chart = fixtures.chart("Tia", "Taken" + suffix, LocalDate.of(1980, 2, 3), hospital, mrn);
        CustodianUser director = accounts.find(fixtures.user("tlt.dir." + suffix, Role.HIM_DIRECTOR, hospital))
                .orElseThrow();
        CustodianUser officer = accounts.find(fixtures.user("tlt.po." + suffix, Role.PRIVACY_OFFICER, hospital))
                .orElseThrow();
        String reviewer = fixtures.user("tlt.qa." + suffix, Role.TRANSCRIPTIONIST, hospital);
        String other = fixtures.user("tlt.mt." + suffix, Role.TRANSCRIPTIONIST, hospital);
        UUID attending = jdbc.queryForObject("SELECT attending_id FROM encounter WHERE patient_id = ? AND attending_id"
                + " IS NOT NULL LIMIT 1", UUID.class, chart.id());
        TranscriptionJob job = transcription.create(director, new NewTranscription(mrn, "IP-" + mrn,
                DocumentType.CONSULTATION, "Psychiatry consult " + suffix, "Consulted for depression.", attending, null));
        labels.label(officer, chart.id(), LabelTarget.DOCUMENT, job.documentId(), SensitivityLabel.BEHAVIORAL_HEALTH);
        transcription.submit(director, job.id());

        WebSession session = WebSession.signedIn(port, reviewer, PASSWORD);
        WebSession.Page qa = session.get("/transcription?stage=qa");
        assertThat(qa.body()).contains("Labelled documents waiting to be taken", "/transcription/jobs/" + job.id() + "/take")
                .doesNotContain("Psychiatry consult " + suffix);
        assertThat(session.get("/transcription/jobs/" + job.id()).status()).isEqualTo(403);
        session.get("/transcription?stage=qa");
        WebSession.Page taken = session.postWithToken("/transcription/jobs/" + job.id() + "/take", java.util.Map.of());
        assertThat(taken.location()).endsWith("/transcription/jobs/" + job.id());
        assertThat(session.get("/transcription/jobs/" + job.id()).body()).contains("Consulted for depression.");

        WebSession otherSession = WebSession.signedIn(port, other, PASSWORD);
        assertThat(otherSession.get("/transcription?stage=qa").body()).doesNotContain(job.id().toString());
        assertThat(otherSession.get("/transcription/jobs/" + job.id()).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND resource_id = ?"
                + " AND outcome = 'SUCCESS' AND detail LIKE 'took job%QA_REVIEWER of this document%'", Integer.class,
                reviewer, job.documentId().toString())).isEqualTo(1);
    }
}
