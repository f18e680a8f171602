package org.custodian.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.PhiAccessDenied;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.quality.QualityFixtures;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Labelled documents in transcription and signing: the document's and its encounter's labels count, and
 * are weighed by the user's duty on the document. Its author and co-signer sign it after discharge, the
 * transcriptionist and reviewer who hold it work on it; other transcriptionists and clinicians of the
 * facility neither read nor touch it, and each decision says why and is audited.
 */
@IntegrationTest
class TranscriptionLabelsTest {
    private static final String DICTATION = "HOSPITAL COURSE:\nHIV viral load undetectable on current regimen.";

    @Autowired
    ApplicationContext context;
    @Autowired
    TranscriptionWork work;
    @Autowired
    TranscriptionSigning signing;
    @Autowired
    TranscriptionQueue queue;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    DocumentRepository documents;
    @Autowired
    JdbcTemplate jdbc;

    TranscriptionFixtures f;
    String officer;
    String otherTypist;
    String otherClinician;

    @BeforeEach
    void world() {
        f = new TranscriptionFixtures(context, "tl");
        officer = f.user("tl.officer." + f.hospital.code().toLowerCase(), Role.PRIVACY_OFFICER);
        otherTypist = f.user("tl.typist2." + f.hospital.code().toLowerCase(), Role.TRANSCRIPTIONIST);
        otherClinician = f.user("tl.doctor." + f.hospital.code().toLowerCase(), Role.CLINICIAN);
        context.getBean(UserAccounts.class).linkPractitioner(otherClinician,
                new QualityFixtures(context).physician("Otto", "Other" + f.hospital.code()).id(), "test");
    }

    @Test
    void theAuthorAndCoSignerSignALabelledNoteAfterDischargeWhileOthersMayNotReadIt() {
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION));
        labels.label(f.account(officer), f.chart.patientId(), LabelTarget.DOCUMENT, job.documentId(), SensitivityLabel.HIV);

        assertThat(queue.open(f.account(f.transcriptionist), job.id()).document().document().current().body())
                .as("the typist holds the job").isEqualTo(DICTATION);
        assertThatThrownBy(() -> queue.open(f.account(otherTypist), job.id())).isInstanceOf(PhiAccessDenied.class);
        QueuePage othersQueue = queue.work(f.account(otherTypist), List.of(JobStatus.TRANSCRIBING));
        assertThat(othersQueue.jobs()).extracting(TranscriptionJob::id).doesNotContain(job.id());
        assertThat(othersQueue.toTake()).extracting(TranscriptionJob::id).as("held by the typist: not to take")
                .doesNotContain(job.id());
        assertThatThrownBy(() -> work.edit(f.account(otherTypist), job.id(), job.version(), "changed", f.resident.id(),
                f.attending.id())).isInstanceOf(TranscriptionDenied.class)
                .hasMessageContaining("open only to its author, its co-signer");

        work.submit(f.account(f.transcriptionist), job.id());
        QueuePage qa = queue.work(f.account(f.reviewer), List.of(JobStatus.QA_REVIEW));
        assertThat(qa.jobs()).extracting(TranscriptionJob::id).doesNotContain(job.id());
        assertThat(qa.toTake()).extracting(TranscriptionJob::id).as("no reviewer holds it yet").contains(job.id());
        assertThatThrownBy(() -> work.pass(f.account(f.reviewer), job.id())).isInstanceOf(TranscriptionDenied.class);
        assertThat(work.take(f.account(f.reviewer), job.id()).reviewedBy()).isEqualTo(f.reviewer);
        assertThatThrownBy(() -> work.take(f.account(otherTypist), job.id())).isInstanceOf(TranscriptionRefused.class)
                .hasMessageContaining("already held by " + f.reviewer);
        assertThat(queue.work(f.account(f.reviewer), List.of(JobStatus.QA_REVIEW)).jobs())
                .extracting(TranscriptionJob::id).contains(job.id());
        work.pass(f.account(f.reviewer), job.id());

        assertThat(queue.signatures(f.account(f.residentUser)).orElseThrow().jobs()).extracting(TranscriptionJob::id)
                .containsExactly(job.id());
        assertThat(queue.open(f.account(f.residentUser), job.id()).document().document().current().body())
                .isEqualTo(DICTATION);
        assertThatThrownBy(() -> queue.open(f.account(otherClinician), job.id())).isInstanceOf(PhiAccessDenied.class);
        signing.sign(f.account(f.residentUser), job.id());
        assertThat(queue.signatures(f.account(f.attendingUser)).orElseThrow().jobs()).extracting(TranscriptionJob::id)
                .containsExactly(job.id());
        assertThat(signing.cosign(f.account(f.attendingUser), job.id()).status()).isEqualTo(JobStatus.SIGNED);
        assertThat(documents.find(job.documentId()).orElseThrow().current().status()).isEqualTo(DocumentStatus.FINAL);

        assertThat(detail(f.residentUser, "SUCCESS", "signed version%")).contains("AUTHOR of this document", "HIV");
        assertThat(detail(f.attendingUser, "SUCCESS", "co-signed%")).contains("COSIGNER of this document");
        assertThat(detail(otherClinician, "DENIED", "%")).contains("document work open only to its author");
    }

    @Test
    void anEncounterLabelCountsAndTheSignatureQueueStillShowsTheAuthorTheirNote() {
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION));
        labels.label(f.account(officer), f.chart.patientId(), LabelTarget.ENCOUNTER, f.chart.encounter.id(),
                SensitivityLabel.SUBSTANCE_USE_PART2);
        work.submit(f.account(f.transcriptionist), job.id());
        work.take(f.account(f.reviewer), job.id());
        work.pass(f.account(f.reviewer), job.id());
        assertThat(queue.signatures(f.account(f.residentUser)).orElseThrow().jobs()).extracting(TranscriptionJob::id)
                .containsExactly(job.id());
        assertThat(signing.sign(f.account(f.residentUser), job.id()).status()).isEqualTo(JobStatus.AWAITING_COSIGNATURE);
        assertThatThrownBy(() -> queue.open(f.account(otherTypist), job.id())).isInstanceOf(PhiAccessDenied.class);
        assertThatThrownBy(() -> signing.cosign(f.account(otherClinician), job.id()))
                .isInstanceOf(TranscriptionDenied.class).hasMessageContaining("you are none of them");
    }

    @Test
    void withoutALabelTheFacilitysTranscriptionistsShareTheQueueAsBefore() {
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION));
        QueuePage page = queue.work(f.account(otherTypist), List.of(JobStatus.TRANSCRIBING));
        assertThat(page.jobs()).extracting(TranscriptionJob::id).contains(job.id());
        assertThat(page.toTake()).isEmpty();
        CustodianUser other = f.account(otherTypist);
        assertThat(queue.open(other, job.id()).document().document().current().body()).isEqualTo(DICTATION);
    }

    private String detail(String username, String outcome, String like) {
        return String.join(" | ", jdbc.queryForList("SELECT detail FROM audit_event WHERE username = ? AND outcome = ?"
                + " AND detail LIKE ?", String.class, username, outcome, like));
    }
}
