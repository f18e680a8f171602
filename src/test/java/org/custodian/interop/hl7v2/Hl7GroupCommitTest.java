package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.admit;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodian.IntegrationTest;
import org.custodian.record.FacilityRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Messages arriving together are committed together: a bad message or a resent control id among
 * them costs the others nothing (the batch is applied again one savepoint per message), and every
 * accepted message is stored once with its audit event.
 */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7GroupCommitTest {
    private static final int CONNECTIONS = 12;
    private static final int ROUNDS = 4;

    @Autowired
    MllpListener listener;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void facility() {
        HapiMllpClient.ensureSendingHospital(facilities);
    }

    @Test
    void aBadMessageAndAResentControlIdAmongSimultaneousOnesAreHandledAloneAndEveryAaIsStoredOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CyclicBarrier together = new CyclicBarrier(CONNECTIONS);
        List<Future<List<String>>> acks = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS)) {
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                acks.add(senders.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    try (var client = new MllpTestClient(listener.port(), 120_000)) {
                        for (int round = 0; round < ROUNDS; round++) {
                            together.await(180, TimeUnit.SECONDS); // a failed sender breaks it, never hangs the rest
                            answers.add(client.send(messageOf(run, connection, round)));
                        }
                    }
                    return answers;
                }));
            }
        }

        for (int c = 0; c < CONNECTIONS; c++) {
            List<String> answers = acks.get(c).get();
            for (int round = 0; round < ROUNDS; round++) {
                String ack = answers.get(round);
                if (isBad(c, round)) {
                    assertThat(ack).as("the bad message").contains("MSA|AR|" + control(run, c, round), "NOWHERE");
                    assertThat(status(control(run, c, round))).containsExactly("REJECTED");
                } else {
                    assertThat(ack).as("connection %d round %d", c, round).contains("MSA|AA|" + control(run, c, round));
                }
            }
        }
        String resent = control(run, 1, 0);
        assertThat(status(resent)).as("sent on two connections at once").containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE");
        List<UUID> accepted = jdbc.sql("SELECT id FROM hl7_message WHERE control_id LIKE :run AND status = 'ACCEPTED'")
                .param("run", "GC-" + run + "-%").query(UUID.class).list();
        assertThat(accepted).hasSize(CONNECTIONS * ROUNDS - 2); // less the bad one and the resent one
        assertThat(jdbc.sql("SELECT count(DISTINCT resource_id) FROM audit_event WHERE resource_type = 'HL7Message'"
                        + " AND resource_id = ANY(:ids)").param("ids", accepted.stream().map(UUID::toString)
                        .toArray(String[]::new)).query(Long.class).single()).isEqualTo(accepted.size());
        assertThat(jdbc.sql("SELECT count(*) FROM patient_identifier WHERE value LIKE :run").param("run", "GC" + run + "%")
                .query(Long.class).single()).as("one patient per accepted admission").isEqualTo(accepted.size());
    }

    private static boolean isBad(int connection, int round) {
        return connection == 5 && round == 2;
    }

    private static String control(String run, int connection, int round) {
        // connection 0 resends what connection 1 sends in the first round, at the same moment
        int from = connection == 0 && round == 0 ? 1 : connection;
        return "GC-" + run + "-" + from + "-" + round;
    }

    private static String messageOf(String run, int connection, int round) {
        String control = control(run, connection, round);
        String mrn = "GC" + run + control.substring(("GC-" + run + "-").length()).replace("-", "R");
        if (isBad(connection, round)) {
            return message(msh("ADT^A04^ADT_A01", control), "PID|1||" + mrn + "^^^NOWHERE^MR||Doe^Jane||19800215|F");
        }
        return admit(control, mrn, "V" + mrn);
    }

    private List<String> status(String control) {
        return jdbc.sql("SELECT status FROM hl7_message WHERE control_id = :c").param("c", control)
                .query(String.class).list();
    }
}
