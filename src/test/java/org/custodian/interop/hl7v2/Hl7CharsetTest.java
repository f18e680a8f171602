package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.message;

import ca.uhn.hl7v2.util.Terser;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.FacilityRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** MSH-18: the bytes are read in the character set the message declares, or the message is refused naming MSH-18. */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7CharsetTest {
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
        mllp = HapiMllpClient.connect(listener.port(), true);
    }

    @AfterAll
    void close() throws Exception {
        mllp.close();
    }

    Terser send(String text) throws Exception {
        return mllp.send(text);
    }

    static String msh(String controlId, String charset) {
        return "MSH|^~\\&|EPIC|RGH|CUSTODIAN|CUST|20260301120000||ADT^A04^ADT_A01|" + controlId
                + "|P|2.5.1||||||" + charset;
    }

    static String mrn() {
        return "CS" + UUID.randomUUID().toString().substring(0, 8);
    }

    String family(String mrn) {
        return jdbc.sql("SELECT p.family FROM patient p JOIN patient_identifier i ON i.patient_id = p.id WHERE i.value = :m")
                .param("m", mrn).query(String.class).single();
    }

    byte[] stored(String controlId) {
        return jdbc.sql("SELECT raw FROM hl7_message WHERE control_id = :c").param("c", controlId)
                .query(byte[].class).single();
    }

    @Test
    void aLatin1NameArrivesAsLatin1BytesAndIsReadAsMuller() throws Exception {
        String mrn = mrn();
        String control = "CS-L1-" + mrn;
        Terser ack = send(message(
                msh(control, "8859/1"), "PID|1||" + mrn + "^^^RGH^MR||Müller^Jürgen||19700101|M"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(family(mrn)).isEqualTo("Müller");
        assertThat(stored(control)).as("sent as ISO-8859-1: ü is the one byte 0xFC")
                .contains((byte) 0xFC).doesNotContain((byte) 0xC3);
    }

    @Test
    void aUtf8NameIsReadAsUtf8() throws Exception {
        String mrn = mrn();
        Terser ack = send(message(
                msh("CS-U8-" + mrn, "UNICODE UTF-8"), "PID|1||" + mrn + "^^^RGH^MR||Łukasiewicz^Zoë||19700101|F"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(family(mrn)).isEqualTo("Łukasiewicz");
    }

    @Test
    void anUnsupportedCharacterSetIsRefusedWithArNamingMsh18AndKept() throws Exception {
        String mrn = mrn();
        String control = "CS-X-" + mrn;
        String ack;
        try (var client = new MllpTestClient(listener.port())) {
            ack = client.send(message(msh(control, "EBCDIC"), "PID|1||" + mrn + "^^^RGH^MR||Doe^Jane||19700101|F"));
        }

        assertThat(ack).contains("MSA|AR|" + control, "ERR||MSH^1^18|", "'EBCDIC' is not supported", "8859/1");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :m").param("m", mrn)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status || ' ' || error_location FROM hl7_message WHERE control_id = :c")
                .param("c", control).query(String.class).single()).isEqualTo("REJECTED MSH-18");
    }

    @Test
    void bytesThatAreNotTheDeclaredSetGetAnAeNamingMsh18() throws Exception {
        String mrn = mrn();
        String control = "CS-BAD-" + mrn;
        byte[] latin1 = message(msh(control, "UNICODE UTF-8"), "PID|1||" + mrn + "^^^RGH^MR||Müller^Jürgen||19700101|M")
                .getBytes(StandardCharsets.ISO_8859_1);
        String ack;
        try (var client = new MllpTestClient(listener.port())) {
            client.sendRaw(MllpTestClient.frame(latin1));
            ack = client.readAck();
        }

        assertThat(ack).contains("MSA|AE|" + control, "ERR||MSH^1^18|", "byte 0xFC");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :m").param("m", mrn)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theAckDeclaresTheMessagesCharacterSetInMsh18AndIsWrittenInIt() throws Exception {
        String mrn = mrn();
        String control = "CS-ACK-" + mrn;
        byte[] latin1 = message(msh(control, "8859/1"), "PID|1||" + mrn + "^^^RGH^MR||Müller^Jürgen||19700101|Ü")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes;
        try (var client = new MllpTestClient(listener.port())) {
            client.sendRaw(MllpTestClient.frame(latin1));
            bytes = client.readAckBytes();
        }
        String ack = new String(bytes, StandardCharsets.ISO_8859_1);

        assertThat(ack).contains("MSA|AE|" + control);
        String[] msh = ack.split("\r")[0].split("\\|", -1);
        assertThat(msh).as("ACK MSH").hasSize(18);
        assertThat(msh[17]).as("ACK MSH-18").isEqualTo("8859/1");
        assertThat(ack).as("Ü echoed as the one ISO-8859-1 byte 0xDC").contains("'Ü'");
        assertThat(bytes).as("no UTF-8 (Ü would be 0xC3 0x9C)").doesNotContain((byte) 0xC3);
    }

    @Test
    void aUtf8MessageGetsAUtf8AckAndAMessageDeclaringNoneAnAckDeclaringNone() throws Exception {
        Terser utf8 = send(message(msh("CS-AU-" + mrn(), "UNICODE UTF-8"),
                "PID|1||" + mrn() + "^^^RGH^MR||Øre^Åsa||19700101|F"));
        Terser none = send(message("MSH|^~\\&|EPIC|RGH|CUSTODIAN|CUST|20260301120000||ADT^A04^ADT_A01|CS-AN-" + mrn()
                + "|P|2.5.1", "PID|1||" + mrn() + "^^^RGH^MR||Doe^Jane||19700101|F"));

        assertThat(utf8.get("/MSA-1")).isEqualTo("AA");
        assertThat(utf8.get("/MSH-18")).isEqualTo("UNICODE UTF-8");
        assertThat(none.get("/MSA-1")).isEqualTo("AA");
        assertThat(none.get("/MSH-18")).isNull();
    }
}
