package org.custodian.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient's demographics go with the last of their records (the certificate lists the patient id,
 * nothing that identifies them), and raw HL7 messages have a schedule of their own that never takes a
 * dead letter still awaiting its replay.
 */
@IntegrationTest
class RetentionOfPatientsAndMessagesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    ApplicationContext context;
    @Autowired
    Destructions destructions;
    @Autowired
    Eligibility eligibility;
    @Autowired
    LegalHolds holds;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void whenThePatientsLastRecordIsDestroyedTheirDemographicsGoTooAndTheCertificateSaysSo() throws Exception {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RPD-" + s);
        CustodianUser director = f.user("rpd.director" + s, Role.HIM_DIRECTOR, hospital);
        CustodianUser privacy = f.user("rpd.privacy" + s, Role.PRIVACY_OFFICER, hospital);
        Patient gone = f.patient("Forgotten" + s, LocalDate.of(1931, 2, 3), hospital, "G1" + s);
        Patient stays = f.patient("Remembered" + s, LocalDate.of(1932, 4, 5), hospital, "G2" + s);
        UUID onlyStay = f.stay(gone, hospital, LocalDate.of(2010, 5, 5));
        UUID oldStay = f.stay(stays, hospital, LocalDate.of(2010, 6, 6));
        f.stay(stays, hospital, LocalDate.of(2024, 6, 6));

        UUID batch = destructions.propose(director, RecordType.ENCOUNTER, hospital.id(), TODAY);
        DestructionBatch done = destructions.approve(privacy, batch, TODAY);

        assertThat(done.destroyedCount()).isEqualTo(2);
        assertThat(f.rows("patient", "id", gone.id())).isZero();
        assertThat(f.rows("patient_identifier", "patient_id", gone.id())).isZero();
        assertThat(f.rows("patient", "id", stays.id())).isEqualTo(1);
        assertThat(f.rows("encounter", "id", oldStay)).isZero();
        assertThat(done.patientsDestroyed()).extracting(DestroyedPatient::patientId).containsExactly(gone.id());
        assertThat(done.patientsDestroyed().getFirst().rowsDestroyed()).contains("patient 1", "patient_identifier 1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DELETE' AND resource_type = 'Patient'"
                + " AND resource_id = ?").param(gone.id().toString()).query(Long.class).single()).isEqualTo(1);

        String certificate = text(destructions.certificate(director, batch));
        assertThat(certificate).contains("Patient demographics destroyed", gone.id().toString(), onlyStay.toString())
                .doesNotContain("Forgotten" + s, "1931", stays.id().toString());
    }

    @Test
    void rawMessagesPastTheirScheduleAreDestroyedWithTheirReplaysButNeverADeadLetterAwaitingReplay() throws Exception {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RPM-" + s);
        CustodianUser director = f.user("rpm.director" + s, Role.HIM_DIRECTOR, hospital);
        CustodianUser privacy = f.user("rpm.privacy" + s, Role.PRIVACY_OFFICER, hospital);
        Patient patient = f.patient("Messaged" + s, LocalDate.of(1950, 1, 1), hospital, "M1" + s);
        Patient litigant = f.patient("Litigant" + s, LocalDate.of(1950, 1, 1), hospital, "M2" + s);
        f.stay(patient, hospital, LocalDate.of(2024, 1, 1)); // the patient's record outlives the messages
        f.stay(litigant, hospital, LocalDate.of(2024, 1, 1));

        UUID applied = message(hospital, "ACCEPTED", LocalDate.of(2015, 3, 1), null);
        applied(applied, patient);
        UUID held = message(hospital, "ACCEPTED", LocalDate.of(2015, 3, 2), null);
        applied(held, litigant);
        UUID awaitingReplay = message(hospital, "REJECTED", LocalDate.of(2015, 3, 3), null);
        UUID resolved = message(hospital, "REJECTED", LocalDate.of(2015, 3, 4), null);
        UUID replay = message(hospital, "ACCEPTED", LocalDate.of(2016, 1, 1), resolved);
        UUID duplicate = message(hospital, "DUPLICATE", LocalDate.of(2015, 3, 5), null);
        UUID recent = message(hospital, "ACCEPTED", LocalDate.of(2025, 1, 1), null);
        UUID lateResolved = message(hospital, "REJECTED", LocalDate.of(2015, 3, 6), null);
        UUID lateReplay = message(hospital, "ACCEPTED", LocalDate.of(2024, 1, 1), lateResolved);
        holds.holdPatient(privacy, "Roe v. Clinic " + s, litigant.id(), null);

        EligibilityReport report = eligibility.report(director, RecordType.RAW_MESSAGE, hospital.id(), TODAY);
        assertThat(report.eligible()).extracting(a -> a.record().recordId())
                .containsExactlyInAnyOrder(applied, resolved, duplicate);
        assertThat(report.held()).extracting(a -> a.record().recordId()).containsExactly(held);
        assertThat(report.eligible()).filteredOn(a -> a.record().recordId().equals(applied))
                .extracting(a -> a.record().mrn()).containsExactly("M1" + s);

        UUID batch = destructions.propose(director, RecordType.RAW_MESSAGE, hospital.id(), TODAY);
        DestructionBatch done = destructions.approve(privacy, batch, TODAY);

        assertThat(done.destroyedCount()).isEqualTo(3);
        for (UUID destroyed : new UUID[] {applied, resolved, replay, duplicate}) {
            assertThat(f.rows("hl7_message", "id", destroyed)).as("destroyed " + destroyed).isZero();
        }
        for (UUID kept : new UUID[] {held, awaitingReplay, recent, lateResolved, lateReplay}) {
            assertThat(f.rows("hl7_message", "id", kept)).as("kept " + kept).isEqualTo(1);
        }
        assertThat(done.items()).filteredOn(i -> i.recordId().equals(resolved))
                .extracting(DestructionItem::rowsDestroyed).containsExactly("hl7_message 2");
        assertThat(done.patientsDestroyed()).isEmpty();
        assertThat(f.rows("patient", "id", patient.id())).isEqualTo(1);
        assertThat(text(destructions.certificate(director, batch))).contains("Raw interface messages",
                applied.toString(), resolved.toString(), duplicate.toString()).doesNotContain(awaitingReplay.toString());
    }

    /**
     * Messages whose sender (MSH-4) is no facility of ours, and one naming none: under the default
     * raw-message schedule, destroyed with their replays, the tombstones and the certificate kept, and
     * never a dead letter still awaiting its replay.
     */
    @Test
    void messagesOfSendersThatAreNoFacilityFollowTheDefaultScheduleAndNeverTakeOneAwaitingReplay() throws Exception {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RPU-" + s);
        CustodianUser director = f.user("rpu.director" + s, Role.HIM_DIRECTOR, hospital);
        CustodianUser privacy = f.user("rpu.privacy" + s, Role.PRIVACY_OFFICER, hospital);
        String sender = "NOWHERE-" + s;
        UUID applied = message(sender, "ACCEPTED", LocalDate.of(2015, 3, 1), null);
        UUID awaitingReplay = message(sender, "REJECTED", LocalDate.of(2015, 3, 3), null);
        UUID resolved = message(sender, "REJECTED", LocalDate.of(2015, 3, 4), null);
        UUID replay = message(sender, "ACCEPTED", LocalDate.of(2016, 1, 1), resolved);
        UUID recent = message(sender, "ACCEPTED", LocalDate.of(2025, 1, 1), null);
        UUID unnamed = message((String) null, "DUPLICATE", LocalDate.of(2015, 3, 5), null);
        UUID ours = message(hospital, "ACCEPTED", LocalDate.of(2015, 3, 6), null);

        EligibilityReport report = eligibility.report(director, RecordType.RAW_MESSAGE, null, TODAY);
        assertThat(report.schedule().isDefault()).as("the default raw-message schedule governs them").isTrue();
        assertThat(report.eligible()).extracting(a -> a.record().recordId()).contains(applied, resolved, unnamed)
                .doesNotContain(awaitingReplay, recent, ours);

        UUID batch = destructions.propose(director, RecordType.RAW_MESSAGE, null, TODAY);
        DestructionBatch done = destructions.approve(privacy, batch, TODAY);

        for (UUID destroyed : new UUID[] {applied, resolved, replay, unnamed}) {
            assertThat(f.rows("hl7_message", "id", destroyed)).as("destroyed " + destroyed).isZero();
        }
        for (UUID kept : new UUID[] {awaitingReplay, recent, ours}) {
            assertThat(f.rows("hl7_message", "id", kept)).as("kept " + kept).isEqualTo(1);
        }
        assertThat(done.items()).filteredOn(i -> i.recordId().equals(applied) || i.recordId().equals(resolved))
                .as("the tombstones: what was destroyed, from which sender")
                .allSatisfy(i -> {
                    assertThat(i.status()).isEqualTo(DestructionItem.Status.DESTROYED);
                    assertThat(i.facilityCode()).isEqualTo(sender);
                });
        assertThat(jdbc.sql("SELECT count(*) FROM destruction_item WHERE batch_id = ? AND record_id IN (?, ?, ?)")
                .params(batch, applied, resolved, unnamed).query(Long.class).single()).isEqualTo(3);
        assertThat(text(destructions.certificate(director, batch))).contains("Raw interface messages",
                applied.toString(), resolved.toString(), unnamed.toString(), sender)
                .doesNotContain(awaitingReplay.toString(), ours.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DELETE' AND resource_type = 'HL7Message'"
                + " AND resource_id = ?").param(applied.toString()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> eligibility.report(director, RecordType.ENCOUNTER, null, TODAY))
                .hasMessageContaining("choose a record type and a facility");
    }

    private UUID message(Facility from, String status, LocalDate received, UUID replayOf) {
        return message(from.code().toLowerCase() + " ", status, received, replayOf);
    }

    private UUID message(String sender, String status, LocalDate received, UUID replayOf) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO hl7_message (id, received_at, remote_address, control_id, sending_application,
                    sending_facility, message_type, raw, size_bytes, status, ack_code, ack, replay_of)
                VALUES (?, ?, '127.0.0.1', ?, 'LAB', ?, 'ORU^R01', ?, 3, ?, ?, 'MSA|AA', ?)""")
                .params(id, Timestamp.from(received.atStartOfDay().toInstant(ZoneOffset.UTC)), id.toString(),
                        sender, "MSH".getBytes(), status,
                        status.equals("REJECTED") ? "AE" : "AA", replayOf).update();
        if (replayOf != null && status.equals("ACCEPTED")) {
            jdbc.sql("UPDATE hl7_message SET resolved_by = ? WHERE id = ?").params(id, replayOf).update();
        }
        return id;
    }

    /** What the HL7 inbox records when it applies a message to a patient. */
    private void applied(UUID message, Patient to) {
        audit.record(new AuditEntry("hl7:LAB", "SYSTEM", AuditAction.CREATE, AuditOutcome.SUCCESS, to.id(),
                "HL7Message", message.toString(), "ORU^R01 applied", "127.0.0.1"));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
