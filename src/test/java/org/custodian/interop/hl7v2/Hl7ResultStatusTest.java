package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;
import static org.custodian.interop.hl7v2.Hl7Samples.pid;

import ca.uhn.hl7v2.util.Terser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.FacilityRepository;
import org.custodian.record.Observation;
import org.custodian.record.RecordVersions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** OBX-11: preliminary, final, corrected, deleted and unobtainable results of the same order, sent with HAPI's client. */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7ResultStatusTest {
    @Autowired
    MllpListener listener;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    ClinicalQueries clinical;
    @Autowired
    RecordVersions versions;
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

    Terser send(String text) throws Exception {
        return mllp.send(text);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** One glucose result of order {@code order} (OBR-3 filler order number) with status {@code status}. */
    static String glucose(String control, String mrn, String order, String value, String status) {
        return message(msh("ORU^R01^ORU_R01", control), pid(mrn, "19800215"),
                "OBR|1|PL-" + order + "|" + order + "^LAB|2345-7^Glucose^LN|||20260302070000",
                "OBX|1|NM|2345-7^Glucose^LN||" + value + "|mg/dL|70-99||||" + status + "|||20260302071500");
    }

    UUID patient(String mrn) {
        return jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = :m").param("m", mrn)
                .query(UUID.class).single();
    }

    List<Observation> glucoseOf(String mrn) {
        return clinical.observations(patient(mrn), ClinicalQueries.Filter.NONE).stream()
                .filter(o -> o.loincCode().equals("2345-7")).toList();
    }

    @Test
    void aPreliminaryThenFinalThenCorrectedResultIsOneResultWhoseHistoryKeepsEachValue() throws Exception {
        String id = unique();
        String mrn = "RS" + id;
        String order = "F" + id;
        assertThat(send(glucose("RS-1-" + id, mrn, order, "150", "P")).get("/MSA-1")).isEqualTo("AA");
        assertThat(send(glucose("RS-2-" + id, mrn, order, "160", "F")).get("/MSA-1")).isEqualTo("AA");
        Terser corrected = send(glucose("RS-3-" + id, mrn, order, "170", "C"));

        assertThat(corrected.get("/MSA-1")).isEqualTo("AA");
        List<Observation> reads = glucoseOf(mrn);
        assertThat(reads).singleElement().satisfies(o -> {
            assertThat(o.valueNumeric()).isEqualByComparingTo("170");
            assertThat(o.abnormalFlag()).isEqualTo(Observation.AbnormalFlag.H);
        });
        var history = versions.<Observation>factHistory(RecordVersions.Fact.OBSERVATION, reads.getFirst().id());
        assertThat(history).extracting(v -> v.value().valueNumeric().toPlainString()).containsExactly("150", "160", "170");
        assertThat(history.getLast().provenance().sourceRef()).isEqualTo("hl7_message/" + jdbc.sql(
                "SELECT id FROM hl7_message WHERE control_id = :c").param("c", "RS-3-" + id).query(UUID.class).single());

        assertThat(send(glucose("RS-4-" + id, mrn, order, "170", "C")).get("/MSA-1")).isEqualTo("AA");
        assertThat(versions.factHistory(RecordVersions.Fact.OBSERVATION, reads.getFirst().id()))
                .as("the same correction again makes no new version").hasSize(3);
        assertThat(send(glucose("RS-5-" + id, mrn, "OTHER" + id, "99", "F")).get("/MSA-1")).isEqualTo("AA");
        assertThat(glucoseOf(mrn)).as("another order's glucose is another result").hasSize(2);
    }

    @Test
    void eachResultKeepsTheStatusObx11StatesAndAnUMakesThePreliminaryFinal() throws Exception {
        String id = unique();
        String mrn = "RT" + id;
        Map<String, Observation.Status> expected = Map.of("P", Observation.Status.PRELIMINARY,
                "R", Observation.Status.PRELIMINARY, "S", Observation.Status.PRELIMINARY, "F", Observation.Status.FINAL,
                "C", Observation.Status.CORRECTED, "", Observation.Status.FINAL);
        for (var e : expected.entrySet()) {
            String order = "T" + e.getKey() + id;
            assertThat(send(glucose("RT-" + e.getKey() + "-" + id, mrn, order, "150", e.getKey())).get("/MSA-1"))
                    .isEqualTo("AA");
            assertThat(status(order, mrn)).as("OBX-11 '%s'", e.getKey()).isEqualTo(e.getValue());
        }

        String order = "U" + id;
        send(glucose("RT-U1-" + id, mrn, order, "140", "P"));
        assertThat(send(glucose("RT-U2-" + id, mrn, order, "", "U")).get("/MSA-1")).isEqualTo("AA");
        assertThat(status(order, mrn)).isEqualTo(Observation.Status.FINAL);
        UUID result = idOf(order, mrn);
        assertThat(clinical.observation(result).orElseThrow().valueNumeric()).isEqualByComparingTo("140");
        assertThat(versions.<Observation>factHistory(RecordVersions.Fact.OBSERVATION, result))
                .extracting(v -> v.value().status())
                .containsExactly(Observation.Status.PRELIMINARY, Observation.Status.FINAL);

        send(glucose("RT-X1-" + id, mrn, "X" + id, "141", "P"));
        send(glucose("RT-X2-" + id, mrn, "X" + id, "", "X"));
        send(glucose("RT-W1-" + id, mrn, "W" + id, "142", "F"));
        send(glucose("RT-W2-" + id, mrn, "W" + id, "", "W"));
        assertThat(status("X" + id, mrn)).isEqualTo(Observation.Status.CANCELLED);
        assertThat(status("W" + id, mrn)).isEqualTo(Observation.Status.ENTERED_IN_ERROR);
    }

    /** The glucose result of one order: the same id the handler derives from patient, order, code and sub-id. */
    UUID idOf(String order, String mrn) {
        String key = patient(mrn) + "/filler/" + order + "@LAB/2345-7/";
        return UUID.nameUUIDFromBytes(("hl7/observation/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Observation.Status status(String order, String mrn) {
        return clinical.observation(idOf(order, mrn)).orElseThrow().status();
    }

    @Test
    void aDeletionWithdrawsTheValueKeepingItInTheHistory() throws Exception {
        String id = unique();
        String mrn = "RD" + id;
        String order = "F" + id;
        send(glucose("RD-1-" + id, mrn, order, "182", "F"));

        assertThat(send(glucose("RD-2-" + id, mrn, order, "", "D")).get("/MSA-1")).isEqualTo("AA");

        Observation read = glucoseOf(mrn).getFirst();
        assertThat(read.valueNumeric()).isNull();
        assertThat(read.valueText()).contains("deleted");
        assertThat(read.isAbnormal()).isFalse();
        assertThat(versions.<Observation>factHistory(RecordVersions.Fact.OBSERVATION, read.id()).getFirst().value()
                .valueNumeric()).isEqualByComparingTo(new BigDecimal("182"));
    }

    @Test
    void aResultThatCannotBeObtainedWithdrawsThePreliminaryAndAddsNothingOtherwise() throws Exception {
        String id = unique();
        String mrn = "RX" + id;
        send(glucose("RX-1-" + id, mrn, "F" + id, "140", "P"));
        assertThat(send(glucose("RX-2-" + id, mrn, "F" + id, "", "X")).get("/MSA-1")).isEqualTo("AA");
        assertThat(glucoseOf(mrn)).singleElement().satisfies(o -> {
            assertThat(o.valueNumeric()).isNull();
            assertThat(o.valueText()).contains("cannot be obtained");
        });

        assertThat(send(glucose("RX-3-" + id, mrn, "G" + id, "", "X")).get("/MSA-1")).isEqualTo("AA");
        assertThat(glucoseOf(mrn)).as("nothing to withdraw, nothing stored").hasSize(1);
    }

    @Test
    void anUnknownResultStatusIsAnAeNamingObx11AndNothingIsStored() throws Exception {
        String id = unique();
        String mrn = "RU" + id;
        String text = message(msh("ORU^R01^ORU_R01", "RU-1-" + id), pid(mrn, "19800215"),
                "OBR|1||F" + id + "|24323-8^Comprehensive metabolic panel^LN|||20260302070000",
                "OBX|1|NM|2345-7^Glucose^LN||182|mg/dL|70-99|H|||F",
                Hl7Samples.segment("OBX", Map.of(1, "2", 2, "NM", 3, "2160-0^Creatinine^LN", 5, "1.1", 11, "Q")));

        Terser ack = send(text);

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-2-1")).isEqualTo("OBX");
        assertThat(ack.get("/ERR-2-2")).isEqualTo("2");
        assertThat(ack.get("/ERR-2-3")).isEqualTo("11");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("103");
        assertThat(ack.get("/MSA-3")).startsWith("OBX[2]-11").contains("'Q'");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :m").param("m", mrn)
                .query(Long.class).single()).isZero();
    }
}
