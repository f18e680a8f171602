package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;
import static org.custodian.interop.hl7v2.Hl7Samples.pid;

import ca.uhn.hl7v2.util.Terser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.quality.Eventually;
import org.custodian.record.FacilityRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Dictation systems over MLLP: an MDM^T02 draft joins the transcription queue, an MDM^T08 edit
 * replaces the draft's text with a new version (and signs it when it says authenticated), and edits
 * to unknown or signed documents are refused naming TXA-12.
 */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MdmTranscriptionTest {
    @Autowired
    MllpListener listener;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    JdbcClient jdbc;

    HapiMllpClient mllp;

    @BeforeAll
    void connect() throws Exception {
        HapiMllpClient.ensureSendingHospital(facilities);
        mllp = HapiMllpClient.connect(listener.port());
    }

    @AfterAll
    void close() throws Exception {
        mllp.close();
    }

    @Test
    void aDraftJoinsTheQueueAndAnEditReplacesItsText() throws Exception {
        String mrn = "MDM" + suffix();
        String number = "DOC-" + suffix();
        Terser ack = send(document("T02", "T2-" + suffix(), mrn, number, "DO", "Chest pain.~Plan: stress test."));
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        UUID document = documentOf(mrn);
        Eventually.within(Duration.ofSeconds(20), "the draft joins the transcription queue",
                () -> jobStatus(document).equals(List.of("TRANSCRIBING,HL7")));

        jdbc.sql("UPDATE transcription_job SET status = 'QA_REVIEW', updated_at = now() - interval '1 minute'"
                + " WHERE document_id = :d").param("d", document).update();
        ack = send(document("T08", "T8-" + suffix(), mrn, number, "IP", "Chest pain, resolved.~Plan: stress test today."));
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        Eventually.within(Duration.ofSeconds(20), "edited after QA took it, the document goes back to transcription",
                () -> jobStatus(document).equals(List.of("TRANSCRIBING,HL7")));
        assertThat(versions(document)).containsExactly("1,DRAFT,Chest pain.\nPlan: stress test.",
                "2,DRAFT,Chest pain, resolved.\nPlan: stress test today.");
        assertThat(jobStatus(document)).as("still one job for the document").hasSize(1);

        ack = send(document("T08", "T8b-" + suffix(), mrn, number, "AU", "Chest pain, resolved.~Final."));
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(versions(document)).last().isEqualTo("4,FINAL,Chest pain, resolved.\nFinal.");
        Eventually.within(Duration.ofSeconds(20), "signed at the source, the job leaves the queue",
                () -> jobStatus(document).equals(List.of("SIGNED,HL7")));

        Terser locked = send(document("T08", "T8c-" + suffix(), mrn, number, "IP", "Too late."));
        assertThat(locked.get("/MSA-1")).isEqualTo("AR");
        assertThat(locked.get("/ERR-3-1")).isEqualTo("206");
        assertThat(locked.get("/ERR-2-1")).isEqualTo("TXA");
        assertThat(locked.get("/ERR-2-3")).isEqualTo("12");
        assertThat(locked.get("/MSA-3")).contains(number, "final", "addendum");
        assertThat(versions(document)).hasSize(4);
    }

    @Test
    void anEditOfADocumentNeverReceivedIsRefusedNamingTxa12() throws Exception {
        Terser ack = send(document("T08", "T8d-" + suffix(), "MDM" + suffix(), "NEVER-" + suffix(), "IP", "Text."));
        assertThat(ack.get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("204");
        assertThat(ack.get("/ERR-2-3")).isEqualTo("12");
        assertThat(ack.get("/MSA-3")).contains("never received", "MDM^T02");
    }

    @Test
    void aFinalDocumentDoesNotJoinTheQueue() throws Exception {
        String mrn = "MDM" + suffix();
        assertThat(send(document("T02", "T2f-" + suffix(), mrn, "DOC-" + suffix(), "AU", "Signed at source."))
                .get("/MSA-1")).isEqualTo("AA");
        UUID document = documentOf(mrn);
        String draftMrn = "MDM" + suffix();
        send(document("T02", "T2g-" + suffix(), draftMrn, "DOC-" + suffix(), "DI", "Dictated."));
        UUID draft = documentOf(draftMrn);
        Eventually.within(Duration.ofSeconds(20), "the later draft is queued", () -> !jobStatus(draft).isEmpty());
        assertThat(jobStatus(document)).isEmpty();
    }

    private static String document(String event, String controlId, String mrn, String number, String completion,
                                   String text) {
        return message(msh("MDM^" + event + "^MDM_" + event, controlId), "EVN|" + event + "|20260303100000",
                pid(mrn, "19800215"), "PV1|1|O",
                Hl7Samples.segment("TXA", Map.of(1, "1", 2, "HP^History and physical", 3, "TX", 4, "20260303090000",
                        9, "1234567890^House^Gregory", 12, number, 17, completion, 22, "20260303095000")),
                "OBX|1|TX|34117-2^History and physical^LN||" + text + "||||||F");
    }

    private Terser send(String text) throws Exception {
        return mllp.send(text);
    }

    private UUID documentOf(String mrn) {
        return jdbc.sql("SELECT d.id FROM document d JOIN patient_identifier i ON i.patient_id = d.patient_id"
                + " WHERE i.value = :mrn").param("mrn", mrn).query(UUID.class).single();
    }

    private List<String> versions(UUID document) {
        return jdbc.sql("SELECT version || ',' || status || ',' || body FROM document_version WHERE document_id = :d"
                + " ORDER BY version").param("d", document).query(String.class).list();
    }

    private List<String> jobStatus(UUID document) {
        return jdbc.sql("SELECT status || ',' || source FROM transcription_job WHERE document_id = :d")
                .param("d", document).query(String.class).list();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
