package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;
import static org.custodian.interop.hl7v2.Hl7Samples.pid;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Bytes no good interface sends: each gets a precise answer, is kept, and the listener keeps serving. */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MllpBadInputTest {
    @Autowired
    MllpListener listener;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetters deadLetters;

    @BeforeAll
    void facility() {
        facilities.ensure(new Facility(UUID.randomUUID(), "RGH", "Riverbend General Hospital", FacilityType.HOSPITAL,
                "Springfield", "MA"));
    }

    String send(String text) throws Exception {
        try (var client = new MllpTestClient(listener.port())) {
            return client.send(text);
        }
    }

    @Test
    void bytesOutsideAFrameGetAnArAndTheListenerKeepsServing() throws Exception {
        try (var client = new MllpTestClient(listener.port())) {
            client.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(client.readAck()).contains("MSA|AR|", "outside an MLLP frame");
        }
        assertThat(send(Hl7Samples.labs("BAD-OK-1", "B100"))).contains("MSA|AA|BAD-OK-1");
    }

    @Test
    void aTruncatedFrameIsKeptAsADeadLetter() throws Exception {
        try (var client = new MllpTestClient(listener.port())) {
            client.sendRaw(("\u000B" + msh("ADT^A01", "BAD-TRUNC") + "\rPID|1||B2").getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
        }
        String reason = null;
        for (int i = 0; i < 50 && reason == null; i++) {
            Thread.sleep(100);
            reason = jdbc.sql("SELECT error_message FROM hl7_message WHERE control_id = 'BAD-TRUNC'")
                    .query(String.class).optional().orElse(null);
        }
        assertThat(reason).startsWith("truncated MLLP frame");
        assertThat(send(Hl7Samples.labs("BAD-OK-2", "B101"))).contains("MSA|AA|BAD-OK-2");
    }

    @Test
    void wrongEncodingCharactersAreNamedAsMsh2() throws Exception {
        String ack = send(message(msh("ADT^A04", "BAD-ENC").replace("^~\\&", "^^\\&"), pid("B3", "19800215")));
        assertThat(ack).contains("MSA|AE|BAD-ENC", "ERR||MSH^1^2|102^");
    }

    @Test
    void aMissingControlIdIsNamedAsMsh10() throws Exception {
        String ack = send(message(msh("ADT^A04", ""), pid("B4", "19800215")));
        assertThat(ack).contains("MSA|AE|", "ERR||MSH^1^10|101^", "message control id is required");
    }

    @Test
    void aResultBeforeItsOrderIsASegmentSequenceError() throws Exception {
        String ack = send(message(msh("ORU^R01", "BAD-ORDER"), pid("B5", "19800215"),
                "OBX|1|NM|2345-7^Glucose^LN||99|mg/dL", "OBR|1|||24323-8^CMP^LN"));
        assertThat(ack).contains("MSA|AE|BAD-ORDER", "|100^Segment sequence error", "OBX at segment 3");
    }

    @Test
    void aHugeMessageIsRejectedAndOnlyItsHeadIsKept() throws Exception {
        String huge = message(msh("ORU^R01", "BAD-HUGE"), pid("B6", "19800215"), "OBR|1",
                "OBX|1|TX|11526-1^Note^LN||" + "x".repeat(1_200_000));
        String ack = send(huge);
        assertThat(ack).contains("MSA|AR|BAD-HUGE", "exceeds the limit of 1048576 bytes");
        assertThat(jdbc.sql("SELECT octet_length(raw) || ' ' || size_bytes FROM hl7_message WHERE control_id = 'BAD-HUGE'")
                .query(String.class).single()).isEqualTo("1048576 " + (huge.length()));
    }

    @Test
    void aDeadLetterIsReplayedOnceItsCauseIsFixed() throws Exception {
        String labs = Hl7Samples.labs("BAD-REPLAY", "LBX1").replace("^^^RGH^MR", "^^^LABX^MR");
        assertThat(send(labs)).contains("MSA|AR|BAD-REPLAY", "PID-3.4", "LABX");
        DeadLetter letter = deadLetters.list(100).stream().filter(d -> "BAD-REPLAY".equals(d.controlId())).findFirst()
                .orElseThrow();
        assertThat(deadLetters.replay(letter.id(), "director").accepted()).isFalse();

        facilities.ensure(new Facility(UUID.randomUUID(), "LABX", "Lab X", FacilityType.HOSPITAL, null, null));
        // what the master patient index found about the new patient may follow; this test is about the replay
        assertThat(deadLetters.replay(letter.id(), "director").detail()).startsWith("accepted: 2 results");
        assertThat(deadLetters.replay(letter.id(), "director").accepted()).isFalse();
        assertThat(deadLetters.list(100)).noneMatch(d -> d.id().equals(letter.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM observation o JOIN patient_identifier i ON i.patient_id = o.patient_id "
                + "WHERE i.value = 'LBX1'").query(Long.class).single()).isEqualTo(2);
        assertThat(send(labs)).contains("MSA|AA|BAD-REPLAY", "duplicate");
    }
}
