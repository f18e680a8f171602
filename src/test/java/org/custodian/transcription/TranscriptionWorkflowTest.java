package org.custodian.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.quality.ChartCompletion;
import org.custodian.quality.Eventually;
import org.custodian.quality.QualityFindings;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentChangeException;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The transcription workflow on the real database: type, QA, sign, co-sign, addenda, and what is refused. */
@IntegrationTest
class TranscriptionWorkflowTest {
    private static final String DICTATION = "HOSPITAL COURSE:\nNSTEMI managed medically.\nFOLLOW-UP:\nCardiology in 2 weeks.";

    @Autowired
    ApplicationContext context;
    @Autowired
    TranscriptionWork work;
    @Autowired
    TranscriptionSigning signing;
    @Autowired
    TranscriptionQueue queue;
    @Autowired
    TranscriptionTemplates templates;
    @Autowired
    DocumentRepository documents;
    @Autowired
    QualityFindings findings;
    @Autowired
    JdbcTemplate jdbc;

    TranscriptionFixtures f;

    @BeforeEach
    void world() {
        f = new TranscriptionFixtures(context, "tw");
    }

    @Test
    void aResidentsDocumentIsFinalOnlyOnceTheAttendingCoSigns() {
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION));
        assertThat(job.status()).isEqualTo(JobStatus.TRANSCRIBING);
        assertThat(job.title()).isEqualTo("Discharge summary");
        assertThat(queue.work(f.account(f.reviewer), List.of(JobStatus.TRANSCRIBING)).jobs())
                .extracting(TranscriptionJob::id).contains(job.id());

        work.submit(f.account(f.transcriptionist), job.id());
        assertThat(work.pass(f.account(f.reviewer), job.id()).status()).isEqualTo(JobStatus.AWAITING_SIGNATURE);
        assertThat(queue.signatures(f.account(f.residentUser)).orElseThrow().jobs()).extracting(TranscriptionJob::id)
                .containsExactly(job.id());
        assertThat(queue.signatures(f.account(f.attendingUser)).orElseThrow().jobs()).isEmpty();

        TranscriptionJob signed = signing.sign(f.account(f.residentUser), job.id());
        assertThat(signed.status()).isEqualTo(JobStatus.AWAITING_COSIGNATURE);
        ClinicalDocument pending = documents.find(job.documentId()).orElseThrow();
        assertThat(pending.current().status()).as("not authenticated before the co-signature").isEqualTo(DocumentStatus.DRAFT);
        assertThat(pending.current().changeReason()).startsWith("signed by Rhea Resident").contains("awaiting co-signature");
        assertThat(queue.signatures(f.account(f.attendingUser)).orElseThrow().jobs()).extracting(TranscriptionJob::id)
                .containsExactly(job.id());

        TranscriptionJob done = signing.cosign(f.account(f.attendingUser), job.id());
        assertThat(done.status()).isEqualTo(JobStatus.SIGNED);
        DocumentVersion fin = documents.find(job.documentId()).orElseThrow().current();
        assertThat(fin.status()).isEqualTo(DocumentStatus.FINAL);
        assertThat(fin.signedBy()).isEqualTo(f.attending.id());
        assertThat(fin.authorId()).isEqualTo(f.resident.id());
        assertThat(fin.body()).isEqualTo(DICTATION);
        assertThat(fin.changeReason()).contains("signed by Rhea Resident", "co-signed by Atticus Attending");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE resource_id = ? AND outcome = 'SUCCESS'",
                Integer.class, job.documentId().toString())).as("create, submit, pass, sign, co-sign").isGreaterThanOrEqualTo(5);
    }

    @Test
    void signingAndCoSigningCloseTheUnsignedDocumentDeficiency() {
        TranscriptionJob job = ready(work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION)));
        Eventually.within(Duration.ofSeconds(20), "the unsigned summary is a deficiency", () -> findings
                .openFor(List.of(f.chart.patientId())).stream().anyMatch(s -> s.finding().ruleId().equals("DOCUMENT_UNSIGNED")));
        signing.sign(f.account(f.residentUser), job.id());
        signing.cosign(f.account(f.attendingUser), job.id());
        Eventually.within(Duration.ofSeconds(20), "the deficiency closes itself",
                () -> findings.openFor(List.of(f.chart.patientId())).isEmpty());
    }

    @Test
    void aDocumentAwaitingCoSignatureCannotBeSignedFromTheDeficiencyQueue() {
        TranscriptionJob job = ready(work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION)));
        ChartCompletion completion = context.getBean(ChartCompletion.class);
        completion.linkPhysician(f.residentUser, f.resident.id(), "test");
        Eventually.within(Duration.ofSeconds(20), "the resident has the unsigned summary as a deficiency",
                () -> completion.physicianQueue(f.account(f.residentUser)).orElseThrow().deficiencies().stream()
                        .anyMatch(d -> job.documentId().equals(d.documentId())));
        UUID finding = completion.physicianQueue(f.account(f.residentUser)).orElseThrow().deficiencies().stream()
                .filter(d -> job.documentId().equals(d.documentId())).findFirst().orElseThrow().findingId();
        assertThatThrownBy(() -> completion.sign(f.account(f.residentUser), finding))
                .isInstanceOf(DocumentChangeException.class)
                .hasMessageContaining("needs Rhea " + f.resident.family() + "'s signature in transcription")
                .hasMessageContaining("co-signature");
        signing.sign(f.account(f.residentUser), job.id());
        assertThatThrownBy(() -> documents.sign(job.documentId(), job.version() + 1, f.resident.id(), java.time.Instant.now(),
                org.custodian.record.Provenance.now("test", "bypass", "tester")))
                .isInstanceOf(DocumentChangeException.class).hasMessageContaining("only Atticus " + f.attending.family());
        assertThat(documents.find(job.documentId()).orElseThrow().current().status()).isEqualTo(DocumentStatus.DRAFT);
    }

    @Test
    void withoutACoSignerTheAuthorsSignatureMakesItFinal() {
        var n = f.dischargeSummary(DICTATION);
        TranscriptionJob job = ready(work.create(f.account(f.transcriptionist),
                new NewTranscription(n.mrn(), null, DocumentType.DISCHARGE_SUMMARY, "Discharge summary", DICTATION,
                        f.attending.id(), null)));
        assertThat(signing.sign(f.account(f.attendingUser), job.id()).status()).isEqualTo(JobStatus.SIGNED);
        assertThat(documents.find(job.documentId()).orElseThrow().current().status()).isEqualTo(DocumentStatus.FINAL);
    }

    @Test
    void qaReturnsADocumentWithACommentAndNoOneReviewsTheirOwnTyping() {
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION));
        work.submit(f.account(f.transcriptionist), job.id());
        assertThatThrownBy(() -> work.pass(f.account(f.transcriptionist), job.id()))
                .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("you transcribed this document");
        assertThatThrownBy(() -> work.returnForCorrection(f.account(f.reviewer), job.id(), " "))
                .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("comment");
        TranscriptionJob back = work.returnForCorrection(f.account(f.reviewer), job.id(), "Medication doses missing");
        assertThat(back.status()).isEqualTo(JobStatus.TRANSCRIBING);
        assertThat(back.qaComment()).isEqualTo("Medication doses missing");

        TranscriptionJob edited = work.edit(f.account(f.transcriptionist), job.id(), back.version(),
                DICTATION + "\nAspirin 81 mg daily.", f.resident.id(), f.attending.id());
        assertThat(edited.version()).isEqualTo(2);
        assertThatThrownBy(() -> work.edit(f.account(f.transcriptionist), job.id(), 1, "stale", f.resident.id(), null))
                .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("now at version 2");
    }

    @Test
    void badInputIsRefusedNamingWhatAndWhere() {
        CustodianUser typist = f.account(f.transcriptionist);
        assertThatThrownBy(() -> work.create(typist, f.dischargeSummary("  \n ")))
                .isInstanceOf(TranscriptionRefused.class).hasMessageStartingWith("text: the document is empty");
        var n = f.dischargeSummary(DICTATION);
        assertThatThrownBy(() -> work.create(typist, new NewTranscription("NO-SUCH-MRN", null, n.type(), null, DICTATION,
                n.authorId(), null))).isInstanceOf(TranscriptionRefused.class)
                .hasMessage("MRN 'NO-SUCH-MRN': no patient with this medical record number at your facilities");
        assertThatThrownBy(() -> work.create(typist, new NewTranscription(n.mrn(), "V-NONE", n.type(), null, DICTATION,
                n.authorId(), null))).isInstanceOf(TranscriptionRefused.class).hasMessageStartingWith("visit 'V-NONE'");
        assertThatThrownBy(() -> work.create(typist, new NewTranscription(n.mrn(), null, n.type(), null, DICTATION,
                f.resident.id(), f.resident.id()))).isInstanceOf(TranscriptionRefused.class).hasMessageStartingWith("co-signer");

        TranscriptionJob job = work.create(typist, f.dischargeSummary(DICTATION));
        assertThatThrownBy(() -> signing.cosign(f.account(f.attendingUser), job.id()))
                .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("Rhea Resident" )
                .hasMessageContaining("has not signed it yet");
        ready(job);
        assertThatThrownBy(() -> signing.cosign(f.account(f.attendingUser), job.id()))
                .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("has not signed it yet");
        assertThatThrownBy(() -> signing.sign(f.account(f.attendingUser), job.id()))
                .isInstanceOf(TranscriptionDenied.class).hasMessage("Job " + job.id()
                        + " waits for Rhea " + f.resident.family() + "'s signature, not yours.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE resource_id = ? AND outcome = 'DENIED' "
                + "AND username = ?", Integer.class, job.documentId().toString(), f.attendingUser)).isPositive();
        assertThatThrownBy(() -> signing.sign(f.account(f.transcriptionist), job.id()))
                .isInstanceOf(TranscriptionDenied.class).hasMessageContaining("does not allow signing documents");
        assertThatThrownBy(() -> work.submit(typist, UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isInstanceOf(TranscriptionRefused.class).hasMessage("no transcription job 00000000-0000-0000-0000-000000000001");
    }

    @Test
    void aSignedDocumentTakesAnAddendumSignedByItsAuthor() {
        TranscriptionJob job = ready(work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION)));
        assertThatThrownBy(() -> signing.addAddendum(f.account(f.residentUser), job.id(), "too early"))
                .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("only a document in signed");
        signing.sign(f.account(f.residentUser), job.id());
        signing.cosign(f.account(f.attendingUser), job.id());
        assertThatThrownBy(() -> signing.addAddendum(f.account(f.residentUser), job.id(), ""))
                .isInstanceOf(TranscriptionRefused.class).hasMessageStartingWith("addendum: the text is empty");

        TranscriptionJob addendum = signing.addAddendum(f.account(f.residentUser), job.id(), "Potassium recheck normal.");
        assertThat(addendum.status()).isEqualTo(JobStatus.AWAITING_SIGNATURE);
        assertThat(addendum.documentType()).isEqualTo(DocumentType.ADDENDUM);
        assertThat(documents.find(addendum.documentId()).orElseThrow().addendumTo()).isEqualTo(job.documentId());
        assertThat(signing.sign(f.account(f.residentUser), addendum.id()).status()).isEqualTo(JobStatus.SIGNED);
        assertThat(documents.find(addendum.documentId()).orElseThrow().current().status()).isEqualTo(DocumentStatus.FINAL);
        assertThat(documents.find(job.documentId()).orElseThrow().current().status())
                .as("the original stays as it was").isEqualTo(DocumentStatus.FINAL);
    }

    @Test
    void templatesPrefillByTypeAndOnlyHimOrAdministratorsEditThem() {
        assertThat(templates.of(DocumentType.OPERATIVE_REPORT).body()).contains("PREOPERATIVE DIAGNOSIS:");
        assertThatThrownBy(() -> templates.save(f.account(f.transcriptionist), DocumentType.CONSULTATION, "Consult", "x"))
                .isInstanceOf(TranscriptionDenied.class);
        String original = templates.of(DocumentType.NURSING_NOTE).body();
        try {
            templates.save(f.account(f.director), DocumentType.NURSING_NOTE, "Nursing note", "SHIFT:\nASSESSMENT:\n");
            assertThat(templates.of(DocumentType.NURSING_NOTE).body()).isEqualTo("SHIFT:\nASSESSMENT:\n");
            assertThat(templates.of(DocumentType.NURSING_NOTE).updatedBy()).isEqualTo(f.director);
            assertThatThrownBy(() -> templates.save(f.account(f.director), DocumentType.NURSING_NOTE, " ", "x"))
                    .isInstanceOf(TranscriptionRefused.class).hasMessageContaining("title is empty");
        } finally {
            templates.save(f.account(f.director), DocumentType.NURSING_NOTE, "Nursing note", original);
        }
    }

    @Test
    void theQueueShowsOnlyThePatientsOfTheUsersFacilities() {
        TranscriptionJob job = work.create(f.account(f.transcriptionist), f.dischargeSummary(DICTATION));
        TranscriptionFixtures elsewhere = new TranscriptionFixtures(context, "tx");
        assertThat(queue.work(f.account(f.reviewer), List.of(JobStatus.TRANSCRIBING)).jobs())
                .extracting(TranscriptionJob::id).contains(job.id());
        assertThat(queue.work(elsewhere.account(elsewhere.reviewer), List.of(JobStatus.TRANSCRIBING)).jobs())
                .extracting(TranscriptionJob::id).doesNotContain(job.id());
        assertThatThrownBy(() -> queue.work(f.account(f.residentUser), List.of(JobStatus.TRANSCRIBING)))
                .isInstanceOf(TranscriptionDenied.class);
    }

    /** Typed, sent to QA and passed: waiting for the author's signature. */
    private TranscriptionJob ready(TranscriptionJob job) {
        work.submit(f.account(f.transcriptionist), job.id());
        return work.pass(f.account(f.reviewer), job.id());
    }
}
