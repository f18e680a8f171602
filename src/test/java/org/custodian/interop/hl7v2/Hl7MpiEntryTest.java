package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.custodian.IntegrationTest;
import org.custodian.mpi.ThresholdStore;
import org.custodian.mpi.Thresholds;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The master patient index at the HL7 door: a patient that an ADT, or a result for an unknown MRN,
 * registers is checked before the ACK; a certain match under the facility's thresholds is linked through
 * the audited, reversible merge, and a likely one is queued for review. Each test sends from a facility
 * of its own, with people no other test uses.
 */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7MpiEntryTest {
    @Autowired
    MllpListener listener;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    ThresholdStore thresholds;
    @Autowired
    JdbcClient jdbc;

    MllpTestClient mllp;

    @BeforeAll
    void connect() throws Exception {
        mllp = new MllpTestClient(listener.port());
    }

    @AfterAll
    void close() throws Exception {
        mllp.close();
    }

    @Test
    void aCertainMatchRegisteredByAdtIsLinkedThroughTheReversibleMerge() throws Exception {
        String facility = facility();
        String person = person();
        assertThat(send(register(facility, "A1", person))).contains("MSA|AA|");
        UUID first = patient(facility, "A1");

        assertThat(send(register(facility, "A2", person))).contains("MSA|AA|");
        UUID second = patient(facility, "A2");

        assertThat(second).isNotEqualTo(first);
        assertThat(detail(facility, "A2")).contains("likely duplicate of 1 existing patient", "linked by the MPI");
        assertThat(awaitMerge(first, second)).isEqualTo("AUTO_LINK,hl7:EPIC");
        assertThat(task(first, second)).contains("auto-link,HL7");
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE id IN (:a, :b)").param("a", first).param("b", second)
                .query(Long.class).single()).as("both source records are kept").isEqualTo(2);
    }

    @Test
    void aFacilityWhoseThresholdsAreStricterGetsTheSamePairQueuedNotLinked() throws Exception {
        String facility = facility();
        thresholds.set(facilities.byCode(facility).orElseThrow().id(), new Thresholds(500, 10));
        String person = person();
        send(register(facility, "S1", person));

        assertThat(send(register(facility, "S2", person))).contains("MSA|AA|");

        UUID first = patient(facility, "S1");
        UUID second = patient(facility, "S2");
        assertThat(task(first, second)).contains("review,HL7,OPEN");
        assertThat(merge(first, second)).isEmpty();
        assertThat(detail(facility, "S2")).contains("likely duplicate of 1 existing patient, queued for review");
    }

    @Test
    void aResultForAnUnknownMrnOfAKnownPersonIsLinkedAndItsResultsFollow() throws Exception {
        String facility = facility();
        String person = person();
        send(register(facility, "L1", person));
        UUID registered = patient(facility, "L1");

        assertThat(send(labs(facility, "L2", person))).contains("MSA|AA|");

        UUID byLab = patient(facility, "L2");
        assertThat(awaitMerge(registered, byLab)).isEqualTo("AUTO_LINK,hl7:EPIC");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM observation o JOIN mpi_merge m ON m.survivor_id = o.patient_id
                 WHERE m.retired_id = :r AND o.loinc_code = '2345-7'""").param("r", byLab).query(Long.class).single())
                .as("the result is re-pointed to the surviving record").isEqualTo(1);
    }

    @Test
    void aResultForAnUnknownMrnOfALikelyDuplicateIsQueuedForReview() throws Exception {
        String facility = facility();
        String person = person();
        send(register(facility, "R1", person));
        UUID registered = patient(facility, "R1");
        // the given name, birth date and sex under another family name, street and phone, no SSN: a married name, or two people
        String elsewhere = Hl7Samples.family(UUID.randomUUID().toString()) + person.substring(person.indexOf('^'), person.indexOf("|||"))
                + "|||9 Elm Road^^Springfield^MA^01101||555-0000";
        assertThat(send(labs(facility, "R2", elsewhere))).contains("MSA|AA|");

        UUID byLab = patient(facility, "R2");
        assertThat(task(registered, byLab)).contains("review,HL7,OPEN");
        assertThat(merge(registered, byLab)).isEmpty();
    }

    private String send(String text) throws Exception {
        return mllp.send(text);
    }

    /** A facility of this test's own, whose code the messages name in MSH-4 and PID-3.4. */
    private String facility() {
        String code = "MPI" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        facilities.ensure(new Facility(UUID.randomUUID(), code, "Entry check " + code, FacilityType.HOSPITAL,
                "Springfield", "MA"));
        return code;
    }

    /** PID-5 to PID-19 of a person no other test sends: name, birth date, sex, address, phone, SSN. */
    private static String person() {
        String key = UUID.randomUUID().toString();
        long ssn = 100_000_000L + ThreadLocalRandom.current().nextLong(800_000_000L);
        return Hl7Samples.family(key) + "^" + Hl7Samples.given(key) + "||19" + (40 + ThreadLocalRandom.current().nextInt(50))
                + "0" + (1 + ThreadLocalRandom.current().nextInt(9)) + "1" + ThreadLocalRandom.current().nextInt(10)
                + "|F|||" + Hl7Samples.street(key) + "^^Springfield^MA^01101||" + Hl7Samples.phone(key) + "||||||" + ssn;
    }

    private static String pid(String facility, String mrn, String person) {
        return "PID|1||" + mrn + "^^^" + facility + "^MR||" + person;
    }

    private static String register(String facility, String mrn, String person) {
        return message(msh("EPIC", facility, "ADT^A04^ADT_A01", facility + "-" + mrn, "2.5.1"),
                "EVN|A04|20260301120000", pid(facility, mrn, person), "PV1|1|O");
    }

    private static String labs(String facility, String mrn, String person) {
        return message(msh("EPIC", facility, "ORU^R01^ORU_R01", facility + "-" + mrn, "2.5.1"), pid(facility, mrn, person),
                "OBR|1|ORD-" + mrn + "|FIL-" + mrn + "|24323-8^Comprehensive metabolic panel^LN|||20260302070000",
                "OBX|1|NM|2345-7^Glucose^LN||182|mg/dL|70-99|H|||F|||20260302071500");
    }

    /** The patient the MRN was registered as (its identifier stays with it, a merge or not). */
    private UUID patient(String facility, String mrn) {
        return jdbc.sql("""
                SELECT r.patient_id FROM hl7_message m JOIN audit_event r ON r.resource_type = 'HL7Message' AND r.resource_id = m.id::text
                 WHERE m.control_id = :c AND m.sending_facility = :f AND m.status = 'ACCEPTED'""")
                .param("c", facility + "-" + mrn).param("f", facility).query(UUID.class).single();
    }

    /** What the audit entry of the accepted message says it did. */
    private String detail(String facility, String mrn) {
        return jdbc.sql("""
                SELECT r.detail FROM hl7_message m JOIN audit_event r ON r.resource_type = 'HL7Message' AND r.resource_id = m.id::text
                 WHERE m.control_id = :c AND m.sending_facility = :f AND m.status = 'ACCEPTED'""")
                .param("c", facility + "-" + mrn).param("f", facility).query(String.class).single();
    }

    private String task(UUID a, UUID b) {
        return jdbc.sql("""
                SELECT decision || ',' || source || ',' || status FROM mpi_review_task
                 WHERE patient_a = least(:a, :b) AND patient_b = greatest(:a, :b)""")
                .param("a", a).param("b", b).query(String.class).optional().orElse("no task");
    }

    private Optional<String> merge(UUID survivor, UUID retired) {
        return jdbc.sql("SELECT source || ',' || merged_by FROM mpi_merge WHERE survivor_id = :s AND retired_id = :r"
                        + " AND unmerged_at IS NULL")
                .param("s", survivor).param("r", retired).query(String.class).optional();
    }

    private String awaitMerge(UUID survivor, UUID retired) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> merge(survivor, retired), Optional::isPresent).orElseThrow();
    }
}
