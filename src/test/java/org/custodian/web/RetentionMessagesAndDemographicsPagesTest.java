package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.retention.RetentionFixtures;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Through the Retention pages: raw interface messages are a record type to propose and approve (a
 * dead letter awaiting its replay is never listed), and a batch that took a patient's last record
 * shows that their demographics went too, by id only.
 */
@IntegrationTest
class RetentionMessagesAndDemographicsPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rawMessagesAreProposedAndDestroyedByTwoPeopleAndADeadLetterAwaitingReplayIsNeverListed() {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RMW-" + s);
        WebFixtures web = WebFixtures.of(context);
        String director = web.user("rmw.director." + s.toLowerCase(), Role.HIM_DIRECTOR, hospital);
        String officer = web.user("rmw.officer." + s.toLowerCase(), Role.PRIVACY_OFFICER, hospital);
        Patient patient = f.patient("Wired" + s, LocalDate.of(1960, 1, 1), hospital, "W1" + s);
        f.stay(patient, hospital, LocalDate.now().minusYears(1));
        UUID applied = message(hospital, "ACCEPTED", LocalDate.of(2015, 3, 1));
        audit.record(new AuditEntry("hl7:LAB", "SYSTEM", AuditAction.CREATE, AuditOutcome.SUCCESS, patient.id(),
                "HL7Message", applied.toString(), "ORU^R01 applied", "127.0.0.1"));
        UUID deadLetter = message(hospital, "REJECTED", LocalDate.of(2015, 3, 2));

        WebSession proposer = WebSession.signedIn(port, director, PASSWORD);
        Page report = proposer.get("/retention?facility=" + hospital.id() + "&type=RAW_MESSAGE");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("Raw interface messages", applied.toString().substring(0, 8), "W1" + s)
                .doesNotContain(deadLetter.toString().substring(0, 8));
        Page proposed = proposer.postWithToken("/retention/batches",
                Map.of("facility", hospital.id().toString(), "type", "RAW_MESSAGE"));
        assertThat(proposed.location()).contains("/retention/batches/");
        String batch = proposed.location().substring(proposed.location().indexOf("/retention/batches/"));

        WebSession approver = WebSession.signedIn(port, officer, PASSWORD);
        assertThat(approver.get(batch).status()).isEqualTo(200);
        approver.postWithToken(batch + "/approve", Map.of());
        Page done = approver.get(batch);
        assertThat(done.body()).contains("id=\"destroyed-count\">1<", "hl7_message 1");
        assertThat(f.rows("hl7_message", "id", applied)).isZero();
        assertThat(f.rows("hl7_message", "id", deadLetter)).isEqualTo(1);
    }

    @Test
    void messagesOfASenderThatIsNoFacilityAreChosenListedAndDestroyedButNotOneAwaitingReplay() {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RNW-" + s);
        WebFixtures web = WebFixtures.of(context);
        String director = web.user("rnw.director." + s.toLowerCase(), Role.HIM_DIRECTOR, hospital);
        String officer = web.user("rnw.officer." + s.toLowerCase(), Role.PRIVACY_OFFICER, hospital);
        UUID stray = message("STRAY-" + s, "ACCEPTED", LocalDate.of(2015, 3, 1));
        UUID deadLetter = message("STRAY-" + s, "REJECTED", LocalDate.of(2015, 3, 2));

        WebSession proposer = WebSession.signedIn(port, director, PASSWORD);
        Page report = proposer.get("/retention?facility=none&type=RAW_MESSAGE");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("Senders that are no facility (raw messages)</option>",
                        "id=\"schedule-applied\"", stray.toString().substring(0, 8))
                .doesNotContain(deadLetter.toString().substring(0, 8));
        Page proposed = proposer.postWithToken("/retention/batches", Map.of("facility", "none", "type", "RAW_MESSAGE"));
        assertThat(proposed.location()).contains("/retention/batches/");
        String batch = proposed.location().substring(proposed.location().indexOf("/retention/batches/"));

        WebSession approver = WebSession.signedIn(port, officer, PASSWORD);
        approver.get(batch);
        approver.postWithToken(batch + "/approve", Map.of());
        assertThat(approver.get(batch).body()).contains(stray.toString(), "Senders that are no facility", "hl7_message 1");
        assertThat(f.rows("hl7_message", "id", stray)).isZero();
        assertThat(f.rows("hl7_message", "id", deadLetter)).isEqualTo(1);
    }

    @Test
    void aBatchThatTookAPatientsLastRecordShowsTheirDemographicsWentByIdOnly() {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RDW-" + s);
        WebFixtures web = WebFixtures.of(context);
        String director = web.user("rdw.director." + s.toLowerCase(), Role.HIM_DIRECTOR, hospital);
        String officer = web.user("rdw.officer." + s.toLowerCase(), Role.PRIVACY_OFFICER, hospital);
        Patient patient = f.patient("Vanished" + s, LocalDate.of(1930, 1, 1), hospital, "V1" + s);
        f.stay(patient, hospital, LocalDate.of(2010, 1, 1));

        WebSession proposer = WebSession.signedIn(port, director, PASSWORD);
        proposer.get("/retention?facility=" + hospital.id() + "&type=ENCOUNTER");
        Page proposed = proposer.postWithToken("/retention/batches",
                Map.of("facility", hospital.id().toString(), "type", "ENCOUNTER"));
        String batch = proposed.location().substring(proposed.location().indexOf("/retention/batches/"));
        WebSession approver = WebSession.signedIn(port, officer, PASSWORD);
        approver.get(batch);
        approver.postWithToken(batch + "/approve", Map.of());

        Page done = approver.get(batch);
        assertThat(done.body()).contains("Patient demographics destroyed", patient.id().toString(), "patient 1")
                .doesNotContain("Vanished" + s);
        assertThat(f.rows("patient", "id", patient.id())).isZero();
    }

    private UUID message(Facility from, String status, LocalDate received) {
        return message(from.code(), status, received);
    }

    private UUID message(String sender, String status, LocalDate received) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO hl7_message (id, received_at, remote_address, control_id, sending_application,
                    sending_facility, message_type, raw, size_bytes, status, ack_code, ack)
                VALUES (?, ?, '127.0.0.1', ?, 'LAB', ?, 'ORU^R01', ?, 3, ?, ?, 'MSA|AA')""")
                .params(id, Timestamp.from(received.atStartOfDay().toInstant(ZoneOffset.UTC)), id.toString(),
                        sender, "MSH".getBytes(), status, status.equals("REJECTED") ? "AE" : "AA").update();
        return id;
    }
}
