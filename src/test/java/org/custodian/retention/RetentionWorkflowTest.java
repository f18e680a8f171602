package org.custodian.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.AuditVerification;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RetentionWorkflowTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    ApplicationContext context;
    @Autowired
    RetentionSchedules schedules;
    @Autowired
    Eligibility eligibility;
    @Autowired
    LegalHolds holds;
    @Autowired
    Destructions destructions;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyRecordsPastTheFacilitysScheduleAreEligibleAndMinorsWaitForMajority() {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RET-A" + s);
        CustodianUser director = f.user("ret.a.director" + s, Role.HIM_DIRECTOR, hospital);
        Patient adult = f.patient("Adult" + s, LocalDate.of(1950, 1, 1), hospital, "A1" + s);
        Patient child = f.patient("Child" + s, LocalDate.of(2010, 6, 1), hospital, "A2" + s);
        UUID old = f.stay(adult, hospital, LocalDate.of(2012, 1, 10));
        UUID recent = f.stay(adult, hospital, LocalDate.of(2020, 1, 10));
        UUID childStay = f.stay(child, hospital, LocalDate.of(2012, 1, 10));

        EligibilityReport byDefault = eligibility.report(director, RecordType.ENCOUNTER, hospital.id(), TODAY);
        assertThat(byDefault.eligible()).extracting(a -> a.record().recordId()).containsExactly(old);
        assertThat(byDefault.eligible().getFirst().record().mrn()).isEqualTo("A1" + s);

        schedules.save(director, RecordType.ENCOUNTER, hospital.id(), new RetentionRule(5, 18, 0), "State rule");
        EligibilityReport shorter = eligibility.report(director, RecordType.ENCOUNTER, hospital.id(), TODAY);
        assertThat(shorter.schedule().facilityId()).isEqualTo(hospital.id());
        assertThat(shorter.eligible()).extracting(a -> a.record().recordId()).containsExactlyInAnyOrder(old, recent);
        assertThat(shorter.eligible()).extracting(a -> a.record().recordId()).doesNotContain(childStay);

        schedules.removeOverride(director, RecordType.ENCOUNTER, hospital.id());
        assertThat(eligibility.report(director, RecordType.ENCOUNTER, hospital.id(), TODAY).eligible()).hasSize(1);
    }

    @Test
    void aHeldRecordIsNeverDestroyableUntilTheHoldIsReleased() {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RET-B" + s);
        CustodianUser director = f.user("ret.b.director" + s, Role.HIM_DIRECTOR, hospital);
        CustodianUser privacy = f.user("ret.b.privacy" + s, Role.PRIVACY_OFFICER, hospital);
        Patient litigant = f.patient("Litigant" + s, LocalDate.of(1950, 1, 1), hospital, "B1" + s);
        Patient other = f.patient("Other" + s, LocalDate.of(1950, 1, 1), hospital, "B2" + s);
        UUID heldStay = f.stay(litigant, hospital, LocalDate.of(2011, 3, 1));
        UUID otherStay = f.stay(other, hospital, LocalDate.of(2012, 7, 1));

        UUID hold = holds.holdPatient(privacy, "Doe v. Hospital", litigant.id(), "Litigation pending");
        EligibilityReport report = eligibility.report(director, RecordType.ENCOUNTER, hospital.id(), TODAY);
        assertThat(report.eligible()).extracting(a -> a.record().recordId()).containsExactly(otherStay);
        assertThat(report.held()).extracting(a -> a.record().recordId()).containsExactly(heldStay);
        assertThat(report.held().getFirst().hold().orElseThrow().matter()).isEqualTo("Doe v. Hospital");

        UUID facilityHold = holds.holdFacility(privacy, "State survey", hospital.id(), LocalDate.of(2012, 6, 1),
                LocalDate.of(2012, 12, 31), null);
        assertThat(eligibility.report(director, RecordType.ENCOUNTER, hospital.id(), TODAY).eligible()).isEmpty();
        assertThatThrownBy(() -> destructions.propose(director, RecordType.ENCOUNTER, hospital.id(), TODAY))
                .hasMessageContaining("free of legal holds");

        holds.release(privacy, hold, "Settled");
        holds.release(privacy, facilityHold, "Survey closed");
        assertThat(eligibility.report(director, RecordType.ENCOUNTER, hospital.id(), TODAY).eligible())
                .extracting(a -> a.record().recordId()).containsExactlyInAnyOrder(heldStay, otherStay);
        assertThatThrownBy(() -> holds.release(privacy, hold, "again")).hasMessageContaining("already released");
    }

    @Test
    void destructionNeedsASecondPersonDeletesTheClinicalRowsAndKeepsTheChainIntact() throws Exception {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RET-C" + s);
        CustodianUser director = f.user("ret.c.director" + s, Role.HIM_DIRECTOR, hospital);
        CustodianUser privacy = f.user("ret.c.privacy" + s, Role.PRIVACY_OFFICER, hospital);
        CustodianUser coder = f.user("ret.c.coder" + s, Role.CODER, hospital);
        Patient p = f.patient("Destroyed" + s, LocalDate.of(1940, 1, 1), hospital, "C1" + s);
        Patient late = f.patient("Held" + s, LocalDate.of(1940, 1, 1), hospital, "C2" + s);
        UUID old = f.stay(p, hospital, LocalDate.of(2010, 5, 5));
        UUID kept = f.stay(p, hospital, LocalDate.of(2024, 5, 5));
        UUID heldLater = f.stay(late, hospital, LocalDate.of(2010, 8, 8));

        assertThatThrownBy(() -> destructions.propose(coder, RecordType.ENCOUNTER, hospital.id(), TODAY))
                .isInstanceOf(RetentionDenied.class);
        UUID batch = destructions.propose(director, RecordType.ENCOUNTER, hospital.id(), TODAY);
        assertThatThrownBy(() -> destructions.approve(director, batch, TODAY))
                .hasMessageContaining("a second person must approve");
        holds.holdPatient(privacy, "Subpoena 2026-17", late.id(), null);

        DestructionBatch done = destructions.approve(privacy, batch, TODAY);

        assertThat(done.status()).isEqualTo(DestructionBatch.Status.DESTROYED);
        assertThat(done.destroyedCount()).isEqualTo(1);
        DestructionItem tombstone = done.items().stream().filter(i -> i.recordId().equals(old)).findFirst().orElseThrow();
        assertThat(tombstone.status()).isEqualTo(DestructionItem.Status.DESTROYED);
        assertThat(tombstone.mrn()).isEqualTo("C1" + s);
        assertThat(tombstone.rowsDestroyed()).contains("diagnosis 1", "document_version 2", "coded_line 1", "encounter 1");
        assertThat(done.items().stream().filter(i -> i.recordId().equals(heldLater)).findFirst().orElseThrow()
                .withheldBecause()).contains("Subpoena 2026-17");

        assertThat(f.rows("encounter", "id", old)).isZero();
        assertThat(f.rows("diagnosis", "encounter_id", old)).isZero();
        assertThat(f.rows("document", "encounter_id", old)).isZero();
        assertThat(f.rows("coding_case", "encounter_id", old)).isZero();
        assertThat(f.rows("encounter", "id", kept)).isEqualTo(1);
        assertThat(f.rows("document", "encounter_id", kept)).isEqualTo(1);
        assertThat(f.rows("encounter", "id", heldLater)).isEqualTo(1);
        assertThat(f.rows("patient", "id", p.id())).isEqualTo(1);
        assertThat(audit.verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DELETE' AND resource_id = ?")
                .param(old.toString()).query(Long.class).single()).isEqualTo(1);

        assertThatThrownBy(() -> destructions.approve(director, batch, TODAY)).hasMessageContaining("already destroyed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM document_version WHERE document_id IN"
                + " (SELECT id FROM document WHERE encounter_id = ?)").param(kept).update())
                .rootCause().hasMessageContaining("append-only");

        String certificate = text(destructions.certificate(director, batch));
        assertThat(certificate).contains("Certificate of destruction", old.toString(), "C1" + s, "2010-05-05",
                "Authorised by: " + privacy.getUsername(), "Proposed by: " + director.getUsername(),
                "Subpoena 2026-17");
        assertThat(certificate).doesNotContain("NSTEMI", "clinical narrative", kept.toString());
    }

    @Test
    void aRejectedBatchDestroysNothing() {
        RetentionFixtures f = RetentionFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = f.hospital("RET-D" + s);
        CustodianUser director = f.user("ret.d.director" + s, Role.HIM_DIRECTOR, hospital);
        CustodianUser privacy = f.user("ret.d.privacy" + s, Role.PRIVACY_OFFICER, hospital);
        Patient p = f.patient("Rejected" + s, LocalDate.of(1940, 1, 1), hospital, "D1" + s);
        UUID old = f.stay(p, hospital, LocalDate.of(2010, 5, 5));

        UUID batch = destructions.propose(director, RecordType.ENCOUNTER, hospital.id(), TODAY);
        destructions.reject(privacy, batch, "Records requested by the state archive");

        assertThat(f.rows("encounter", "id", old)).isEqualTo(1);
        assertThat(destructions.get(director, batch).status()).isEqualTo(DestructionBatch.Status.REJECTED);
        assertThatThrownBy(() -> destructions.certificate(director, batch)).hasMessageContaining("no certificate");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
