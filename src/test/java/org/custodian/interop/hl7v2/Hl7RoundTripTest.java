package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;
import static org.custodian.interop.hl7v2.Hl7Samples.pid;

import ca.uhn.hl7v2.util.Terser;
import java.util.Map;
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

/** ADT, ORU and MDM messages sent with HAPI's MLLP client to the running listener, checked in the record. */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7RoundTripTest {
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

    Terser send(String text) throws Exception {
        return mllp.send(text);
    }

    static String code(Terser ack) throws Exception {
        return ack.get("/MSA-1") + (ack.get("/MSA-3") == null ? "" : " " + ack.get("/MSA-3"));
    }

    @Test
    void anAdmissionThenADischargeLandInTheRecordAfterAnAa() throws Exception {
        assertThat(send(Hl7Samples.admit("RT-1", "H100", "V100")).get("/MSA-1")).isEqualTo("AA");
        UUID patient = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'H100'").query(UUID.class).single();
        assertThat(jdbc.sql("SELECT family || ',' || given || ',' || birth_date || ',' || sex FROM patient WHERE id = :p")
                .param("p", patient).query(String.class).single())
                .isEqualTo(Hl7Samples.family("H100") + "," + Hl7Samples.given("H100") + ",1980-02-15,FEMALE");
        assertThat(jdbc.sql("SELECT class || ',' || location FROM encounter WHERE visit_number = 'V100'")
                .query(String.class).single()).isEqualTo("INPATIENT,4W 401 A");

        Terser ack = send(Hl7Samples.discharge("RT-2", "H100", "V100"));
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(ack.get("/MSA-2")).isEqualTo("RT-2");
        assertThat(jdbc.sql("SELECT discharge_disposition || ',' || (discharge_at IS NOT NULL) FROM encounter WHERE visit_number = 'V100'")
                .query(String.class).single()).isEqualTo("01,true");
        assertThat(jdbc.sql("SELECT event FROM encounter_event e JOIN encounter n ON n.id = e.encounter_id "
                + "WHERE n.visit_number = 'V100' ORDER BY e.id").query(String.class).list())
                .containsExactly("TRANSFERRED", "DISCHARGED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = 'hl7:EPIC' AND patient_id = :p")
                .param("p", patient).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void labResultsBecomeObservationsWithUnitsRangesAndFlags() throws Exception {
        assertThat(send(Hl7Samples.labs("RT-10", "H200")).get("/MSA-1")).isEqualTo("AA");
        var rows = jdbc.sql("""
                SELECT o.loinc_code || ',' || coalesce(o.value_numeric::text, o.value_text) || ',' || coalesce(o.unit, '')
                       || ',' || coalesce(o.reference_low::text, '') || '-' || coalesce(o.reference_high::text, '')
                       || ',' || coalesce(o.abnormal_flag, '')
                  FROM observation o JOIN patient_identifier i ON i.patient_id = o.patient_id
                 WHERE i.value = 'H200' ORDER BY o.loinc_code""").query(String.class).list();
        assertThat(rows).containsExactly("2345-7,182,mg/dL,70-99,H", "5778-6,Yellow,,-,");
    }

    @Test
    void aResentControlIdIsAcknowledgedAgainButAppliedOnce() throws Exception {
        String labs = Hl7Samples.labs("RT-20", "H300");
        assertThat(send(labs).get("/MSA-1")).isEqualTo("AA");
        assertThat(send(labs).get("/MSA-1")).isEqualTo("AA");
        assertThat(jdbc.sql("SELECT count(*) FROM observation o JOIN patient_identifier i ON i.patient_id = o.patient_id "
                + "WHERE i.value = 'H300'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM hl7_message WHERE control_id = 'RT-20' ORDER BY received_at")
                .query(String.class).list()).containsExactly("ACCEPTED", "DUPLICATE");
    }

    @Test
    void aBadBirthDateIsRejectedNamingPid7AndKeptAsADeadLetter() throws Exception {
        Terser ack = send(message(msh("ADT^A04^ADT_A01", "RT-30"), pid("H400", "19801345"), "PV1|1|O"));
        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-2-1")).isEqualTo("PID");
        assertThat(ack.get("/ERR-2-3")).isEqualTo("7");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("102");
        assertThat(ack.get("/ERR-8")).contains("PID-7", "19801345");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = 'H400'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status || ' ' || error_location FROM hl7_message WHERE control_id = 'RT-30'")
                .query(String.class).single()).isEqualTo("REJECTED PID-7");
    }

    @Test
    void anUnknownFacilityAndAMergeOfAnUnknownMrnAreRejectedWithAr() throws Exception {
        Terser unknown = send(message(msh("EPIC", "NOWHERE", "ADT^A04", "RT-40", "2.3"),
                "PID|1||X1||Doe^John||19700101|M"));
        assertThat(unknown.get("/MSA-1")).isEqualTo("AR");
        assertThat(unknown.get("/MSA-3")).contains("MSH-4", "NOWHERE");
        Terser merge = send(message(msh("ADT^A40^ADT_A39", "RT-41"), pid("H500", "19800215"), "MRG|H499^^^RGH"));
        assertThat(merge.get("/MSA-1")).isEqualTo("AR");
        assertThat(merge.get("/MSA-3")).contains("PID-3", "H500");
        assertThat(jdbc.sql("SELECT count(*) FROM hl7_message WHERE control_id IN ('RT-40', 'RT-41') AND status = 'REJECTED'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSecondRegistrationOfTheSamePersonIsQueuedAsALikelyDuplicateAndA40MergesIt() throws Exception {
        assertThat(send(Hl7Samples.admit("RT-90", "H700", "V700")).get("/MSA-1")).isEqualTo("AA");
        // H700 at the same address under another family name and phone: a married name, or two people
        String likelySame = pid("H700", "19800215").replace("H700", "H701")
                .replace(Hl7Samples.family("H700"), Hl7Samples.family("H701")).replace(Hl7Samples.phone("H700"), "555-0000");
        assertThat(send(message(msh("ADT^A04^ADT_A01", "RT-91"), likelySame, "PV1|1|O")).get("/MSA-1")).isEqualTo("AA");
        UUID kept = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'H700'").query(UUID.class).single();
        UUID second = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'H701'").query(UUID.class).single();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM mpi_review_task WHERE source = 'HL7' AND status = 'OPEN'
                   AND patient_a = least(:a, :b) AND patient_b = greatest(:a, :b)""")
                .param("a", kept).param("b", second).query(Long.class).single())
                .as("flagged at once, not silently created").isEqualTo(1);

        Terser merge = send(message(msh("ADT^A40^ADT_A39", "RT-92"), pid("H700", "19800215"), "MRG|H701^^^RGH"));

        assertThat(merge.get("/MSA-1")).isEqualTo("AA");
        assertThat(jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'H701'").query(UUID.class).single())
                .isEqualTo(kept);
        assertThat(jdbc.sql("SELECT source FROM mpi_merge WHERE survivor_id = :s AND retired_id = :r")
                .param("s", kept).param("r", second).query(String.class).single()).isEqualTo("HL7_A40");
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE id = :r").param("r", second).query(Long.class).single())
                .as("the retired record is kept").isEqualTo(1);
        assertThat(send(message(msh("ADT^A40^ADT_A39", "RT-93"), pid("H700", "19800215"), "MRG|H701^^^RGH"))
                .get("/MSA-1")).as("the same merge again is already done").isEqualTo("AA");
    }

    @Test
    void anUpdateCarryingAnotherPersonsSexAndBirthDateFlagsAnOverlay() throws Exception {
        send(Hl7Samples.admit("RT-95", "H950", "V950"));
        String other = message(msh("ADT^A08^ADT_A01", "RT-96"),
                pid("H950", "19620907").replace("|F|", "|M|"),
                Hl7Samples.pv1("I", "V950", Map.of()));
        assertThat(send(other).get("/MSA-1")).isEqualTo("AA");
        UUID patient = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'H950'").query(UUID.class).single();
        assertThat(jdbc.sql("SELECT reason FROM mpi_overlay_flag WHERE patient_id = :p").param("p", patient)
                .query(String.class).single()).contains("sex", "birth date");
    }

    @Test
    void anUpdateKeepsTheDemographicsItReplaces() throws Exception {
        send(Hl7Samples.admit("RT-50", "H600", "V600"));
        String update = message(msh("ADT^A08^ADT_A01", "RT-51"),
                "PID|1||H600^^^RGH^MR||Doe-Smith^Jane||19800215|F", Hl7Samples.pv1("I", "V600", Map.of()));
        assertThat(send(update).get("/MSA-1")).isEqualTo("AA");
        UUID patient = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'H600'").query(UUID.class).single();
        assertThat(jdbc.sql("SELECT family FROM patient WHERE id = :p").param("p", patient).query(String.class).single())
                .isEqualTo("Doe-Smith");
        assertThat(jdbc.sql("SELECT family FROM patient_version WHERE patient_id = :p").param("p", patient)
                .query(String.class).list()).containsExactly(Hl7Samples.family("H600"));
    }

    @Test
    void transferCancellationsAndPersonUpdatesKeepTheEncounterHistory() throws Exception {
        send(Hl7Samples.admit("RT-70", "H800", "V800"));
        String transfer = message(msh("ADT^A02^ADT_A02", "RT-71"), "EVN|A02|20260302100000", pid("H800", "19800215"),
                Hl7Samples.pv1("I", "V800", Map.of(3, "ICU^12^B")));
        assertThat(code(send(transfer))).isEqualTo("AA");
        send(Hl7Samples.discharge("RT-72", "H800", "V800"));
        String cancelDischarge = message(msh("ADT^A13^ADT_A01", "RT-73"), "EVN|A13|20260305100000",
                pid("H800", "19800215"), Hl7Samples.pv1("I", "V800", Map.of()));
        assertThat(code(send(cancelDischarge))).isEqualTo("AA");
        String cancelAdmit = message(msh("ADT^A11^ADT_A09", "RT-74"), "EVN|A11|20260305110000",
                pid("H800", "19800215"), Hl7Samples.pv1("I", "V800", Map.of()));
        assertThat(code(send(cancelAdmit))).isEqualTo("AA");
        String person = message(msh("ADT^A31^ADT_A05", "RT-75"), "PID|1||H800^^^RGH^MR||Doe^Janet||19800215|F");
        assertThat(code(send(person))).isEqualTo("AA");

        assertThat(jdbc.sql("SELECT e.event || ':' || coalesce(e.location, '') FROM encounter_event e "
                + "JOIN encounter n ON n.id = e.encounter_id WHERE n.visit_number = 'V800' ORDER BY e.id")
                .query(String.class).list()).containsExactly("TRANSFERRED:4W 401 A", "TRANSFERRED:ICU 12 B",
                "DISCHARGED:", "DISCHARGE_CANCELLED:", "ADMISSION_CANCELLED:");
        assertThat(jdbc.sql("SELECT location || ',' || (discharge_at IS NULL) || ',' || (cancelled_at IS NOT NULL) "
                + "FROM encounter WHERE visit_number = 'V800'").query(String.class).single()).isEqualTo("ICU 12 B,true,true");
        assertThat(jdbc.sql("SELECT p.given FROM patient p JOIN patient_identifier i ON i.patient_id = p.id "
                + "WHERE i.value = 'H800'").query(String.class).single()).isEqualTo("Janet");
    }

    @Test
    void aDischargeForAnUnknownVisitNamesPv119() throws Exception {
        Terser ack = send(Hl7Samples.discharge("RT-80", "H900", "V-NONE"));
        assertThat(ack.get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.get("/ERR-2-3")).isEqualTo("19");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = 'H900'").query(Long.class).single())
                .as("the patient registered on the way is rolled back with the message").isZero();
    }

    @Test
    void aTranscribedDocumentBecomesAFinalClinicalDocument() throws Exception {
        String mdm = message(msh("MDM^T02^MDM_T02", "RT-60"), "EVN|T02|20260303100000", pid("H700", "19800215"),
                "PV1|1|I", Hl7Samples.segment("TXA", Map.of(1, "1", 2, "DS^Discharge summary", 3, "TX",
                        4, "20260303090000", 9, "1234567890^House^Gregory", 12, "DOC-77", 17, "AU", 22, "20260303095000")),
                "OBX|1|TX|18842-5^Discharge summary^LN||Admitted with chest pain.~Discharged home.||||||F");
        assertThat(code(send(mdm))).isEqualTo("AA");
        assertThat(jdbc.sql("""
                SELECT d.type || ',' || v.status || ',' || v.title || ',' || v.body FROM document d
                  JOIN document_version v ON v.document_id = d.id
                  JOIN patient_identifier i ON i.patient_id = d.patient_id WHERE i.value = 'H700'""")
                .query(String.class).single())
                .isEqualTo("DISCHARGE_SUMMARY,FINAL,Discharge summary,Admitted with chest pain.\nDischarged home.");
    }
}
