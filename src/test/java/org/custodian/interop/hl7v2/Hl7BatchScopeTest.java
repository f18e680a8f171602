package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.admit;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;
import static org.custodian.interop.hl7v2.Hl7Samples.pid;
import static org.custodian.interop.hl7v2.Hl7Samples.pv1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.custodian.IntegrationTest;
import org.custodian.record.FacilityRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages applied in one batch read the patients and encounters it names together and insert what
 * they add together, yet each message sees what the ones before it in the batch added: a result for
 * the visit just opened, a transfer of it, a correction of a result just reported.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7BatchScopeTest {
    @Autowired
    BatchWithoutSavepoints whole;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void facility() {
        HapiMllpClient.ensureSendingHospital(facilities);
    }

    @Test
    void eachMessageOfABatchSeesWhatTheOnesBeforeItAdded() {
        String run = run();
        String mrn = "BS" + run;
        String visit = "VBS" + run;
        String obr = "OBR|1|ORD1|FIL" + run + "|24323-8^Comprehensive metabolic panel^LN|||20260302070000";
        List<Hl7Inbox.Receipt> receipts = applyTogether(
                message(msh("ADT^A01^ADT_A01", run + "-1"), "EVN|A01|20260301120000", pid(mrn, "19800215"),
                        pv1("I", visit, Map.of(3, "4W^401^A", 17, "A" + run + "^Admit^Ann", 44, "20260301115500"))),
                message(msh("ORU^R01^ORU_R01", run + "-2"), pid(mrn, "19800215"), pv1("I", visit, Map.of()), obr,
                        "OBX|1|NM|2345-7^Glucose^LN||182|mg/dL|70-99|H|||P|||20260302071500"),
                message(msh("ADT^A02^ADT_A02", run + "-3"), "EVN|A02|20260301130000", pid(mrn, "19800215"),
                        pv1("I", visit, Map.of(3, "5E^501^B"))),
                message(msh("ORU^R01^ORU_R01", run + "-4"), pid(mrn, "19800215"), pv1("I", visit, Map.of()), obr,
                        "OBX|1|NM|2345-7^Glucose^LN||190|mg/dL|70-99|H|||C|||20260302071500"));

        assertThat(receipts).allSatisfy(r -> assertThat(r.outcome()).isInstanceOf(Hl7Outcome.Accepted.class));
        assertThat(((Hl7Outcome.Accepted) receipts.get(3).outcome()).summary()).contains("1 replaced");
        UUID encounter = jdbc.sql("SELECT id FROM encounter WHERE visit_number = :v").param("v", visit)
                .query(UUID.class).single();
        assertThat(jdbc.sql("SELECT location FROM encounter WHERE id = :e").param("e", encounter).query(String.class)
                .single()).isEqualTo("5E 501 B");
        assertThat(jdbc.sql("SELECT admitting_id IS NOT NULL FROM encounter WHERE id = :e").param("e", encounter)
                .query(Boolean.class).single()).as("admitting doctor set with the new encounter").isTrue();
        assertThat(jdbc.sql("""
                SELECT coalesce(previous_location, '-') || ' > ' || location FROM encounter_event
                 WHERE encounter_id = :e ORDER BY id""").param("e", encounter).query(String.class).list())
                .containsExactly("- > 4W 401 A", "4W 401 A > 5E 501 B");
        assertThat(jdbc.sql("""
                SELECT o.value_numeric || ' ' || o.status FROM observation o
                  JOIN patient_identifier i ON i.patient_id = o.patient_id
                 WHERE i.value = :mrn AND o.encounter_id = :e AND NOT o.entered_in_error""")
                .param("mrn", mrn).param("e", encounter).query(String.class).list())
                .as("the result for the visit just opened, corrected").containsExactly("190 CORRECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value = :mrn").param("mrn", mrn)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void newPatientsOfABatchAreCheckedAgainstTheIndexTogetherAndEachLikelyPairIsQueuedOnce() {
        String run = run();
        String person = "PID|1||%s^^^RGH^MR||Zq" + run.toLowerCase() + "^Orla||19720611|F|||3 Elm St^^Salem^MA^01970||555-0"
                + run.substring(0, 3);
        List<Hl7Inbox.Receipt> first = applyTogether(
                message(msh("ADT^A04^ADT_A01", run + "-1"), "EVN|A04|20260301120000", person.formatted("M1" + run)));

        List<Hl7Inbox.Receipt> receipts = applyTogether(
                message(msh("ADT^A04^ADT_A01", run + "-2"), "EVN|A04|20260301120000", person.formatted("M2" + run)),
                message(msh("ADT^A04^ADT_A01", run + "-3"), "EVN|A04|20260301120000", person.formatted("M3" + run)));

        assertThat(receipts).extracting(r -> ((Hl7Outcome.Accepted) r.outcome()).summary())
                .allSatisfy(s -> assertThat(s).startsWith("patient registered; likely duplicate of 2 existing patients"));
        // by patient id: the MPI may link these records of one person, and the MRNs then move to the survivor
        UUID[] patients = java.util.stream.Stream.concat(first.stream(), receipts.stream())
                .map(r -> ((Hl7Outcome.Accepted) r.outcome()).patientId()).toArray(UUID[]::new);
        assertThat(jdbc.sql("SELECT count(*) FROM mpi_review_task WHERE patient_a = ANY(:p) AND patient_b = ANY(:p)")
                .param("p", patients).query(Long.class).single()).as("three pairs among three records of one person").isEqualTo(3);
    }

    private List<Hl7Inbox.Receipt> applyTogether(String... messages) {
        List<Hl7Inbox.Pending> batch = Arrays.stream(messages).map(Hl7BatchScopeTest::pending).toList();
        return new TransactionTemplate(transactions).execute(status -> whole.apply(batch));
    }

    private static Hl7Inbox.Pending pending(String text) {
        RawMessage raw = RawMessage.of(text.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        return new Hl7Inbox.Pending(raw, MshHeader.read(text), Hl7Parser.parse(text), null, null, null,
                new CompletableFuture<>());
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
