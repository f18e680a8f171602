package org.custodian.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.record.Facility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coding queue and the coding of one encounter, on the real database and code sets. */
@IntegrationTest
class CodingWorkflowTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    CodingQueue queue;
    @Autowired
    CodingWork work;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private CodingFixtures fixtures;
    private Facility hospital;
    private CustodianUser coder;

    @BeforeEach
    void setUp() {
        fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(dir);
        hospital = fixtures.hospital("CWF-H");
        coder = fixtures.user("cwf.coder", Role.CODER, hospital);
    }

    @Test
    void importedDischargedEncountersAreInTheQueueOnlyForCodersOfTheirFacility() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Queue", "Tester", "CWF-1");
        Facility other = fixtures.hospital("CWF-OTHER");
        CustodianUser outsider = fixtures.user("cwf.outsider", Role.CODER, other);

        QueuePage page = queue.list(coder, QueueFilter.open());
        assertThat(page.entries()).anySatisfy(e -> {
            assertThat(e.encounterId()).isEqualTo(stay.encounterId());
            assertThat(e.status()).isEqualTo(CodingStatus.TO_CODE);
            assertThat(e.mrn()).isEqualTo("CWF-1");
            assertThat(e.ageDays()).isGreaterThan(365);
            assertThat(e.payer()).isNull();
        });
        assertThat(queue.list(outsider, QueueFilter.open()).entries())
                .noneMatch(e -> e.encounterId().equals(stay.encounterId()));
        assertThatThrownBy(() -> work.open(outsider, stay.encounterId(), CodingPass.PRIMARY))
                .isInstanceOf(CodingDenied.class);
        CustodianUser clinician = fixtures.user("cwf.clinician", Role.CLINICIAN, hospital);
        assertThatThrownBy(() -> queue.list(clinician, QueueFilter.open())).isInstanceOf(CodingDenied.class);
    }

    @Test
    void theQueueFiltersByPayerClassAndAgeAndAssignmentAndStatusChangesAreAudited() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Payer", "Tester", "CWF-2");
        queue.setPayer(coder, stay.encounterId(), "Medicare");
        queue.assign(coder, stay.encounterId(), "cwf.coder");

        QueueFilter medicare = new QueueFilter(hospital.id(), org.custodian.record.EncounterClass.INPATIENT, "Medicare",
                null, "cwf.coder", 30, null, QueueFilter.Sort.PAYER, 50);
        assertThat(queue.list(coder, medicare).entries()).extracting(QueueEntry::encounterId)
                .containsExactly(stay.encounterId());
        QueueFilter young = new QueueFilter(hospital.id(), null, null, null, null, null, 10, QueueFilter.Sort.OLDEST, 50);
        assertThat(queue.list(coder, young).entries()).noneMatch(e -> e.encounterId().equals(stay.encounterId()));
        assertThat(queue.list(coder, QueueFilter.open()).payers()).contains("Medicare");

        queue.changeStatus(coder, stay.encounterId(), CodingStatus.IN_PROGRESS, null);
        assertThatThrownBy(() -> queue.changeStatus(coder, stay.encounterId(), CodingStatus.CODED, null))
                .isInstanceOf(CodingRefused.class).hasMessageContaining("by finalising");
        assertThat(queue.history(coder, stay.encounterId())).extracting(CaseEvent::detail)
                .contains("payer Medicare", "assigned to cwf.coder");
        assertThat(auditDetails(stay.patient().id())).anyMatch(d -> d.contains("coding status TO_CODE -> IN_PROGRESS"))
                .anyMatch(d -> d.contains("payer set to Medicare"));
    }

    @Test
    void editsRunOnEveryChangeAndFinalisingNeedsACleanCheckOrAnOverride() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Edit", "Tester", "CWF-3");
        EncounterCoding opened = work.open(coder, stay.encounterId(), CodingPass.PRIMARY);
        assertThat(opened.documents()).extracting(d -> d.current().body()).containsExactly(CodingFixtures.SUMMARY);
        assertThat(opened.dateOfService()).isEqualTo(CodingFixtures.DISCHARGED);
        assertThat(opened.edits()).extracting(CodingEdit::rule).containsExactly("NO_DIAGNOSIS");

        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("j18", true, PresentOnAdmission.Y));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("E11.9", false, null));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Procedure("BW03ZZZ", LocalDate.of(2019, 4, 1)));
        EncounterCoding coding = work.refresh(coder, stay.encounterId(), CodingPass.PRIMARY);
        assertThat(coding.status()).isEqualTo(CodingStatus.IN_PROGRESS);
        assertThat(coding.edits()).extracting(CodingEdit::rule)
                .containsExactly("HEADER_CODE", "POA_MISSING", "PROCEDURE_DATE_OUTSIDE_STAY");
        assertThat(coding.edits().getFirst().where()).isEqualTo("diagnosis 1 (J18)");
        assertThatThrownBy(() -> work.finalise(coder, stay.encounterId(), " "))
                .isInstanceOf(CodingRefused.class).hasMessageStartingWith("3 edits fail");

        for (CodedLine line : coding.lines()) {
            work.remove(coder, stay.encounterId(), CodingPass.PRIMARY, line.id());
        }
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("E11.9", false, PresentOnAdmission.Y));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Procedure("BW03ZZZ", LocalDate.of(2019, 3, 11)));
        assertThat(work.refresh(coder, stay.encounterId(), CodingPass.PRIMARY).edits()).isEmpty();
        work.finalise(coder, stay.encounterId(), null);

        EncounterCoding coded = work.refresh(coder, stay.encounterId(), CodingPass.PRIMARY);
        assertThat(coded.status()).isEqualTo(CodingStatus.CODED);
        assertThat(coded.codedBy()).isEqualTo("cwf.coder");
        assertThatThrownBy(() -> work.add(coder, stay.encounterId(), CodingPass.PRIMARY,
                new NewCode.Diagnosis("I10", false, PresentOnAdmission.N)))
                .isInstanceOf(CodingRefused.class).hasMessageContaining("can no longer be changed");
        assertThat(auditDetails(stay.patient().id())).anyMatch(d -> d.startsWith("coded 3 codes (J18.9, E11.9, BW03ZZZ)"
                + " with a clean edit check"));
        assertThat(jdbc.sql("""
                        SELECT code || ':' || coalesce(poa, '-') || ':' || sequence || ':' || principal FROM diagnosis
                         WHERE encounter_id = :e AND source_system = 'Custodian coding' ORDER BY sequence""")
                .param("e", stay.encounterId()).query(String.class).list())
                .as("the final codes are filed in the record, principal first, with POA and the coder as provenance")
                .containsExactly("J18.9:Y:1:true", "E11.9:Y:2:false");
        assertThat(jdbc.sql("SELECT code || ' by ' || recorded_by FROM procedure_performed "
                        + "WHERE encounter_id = :e AND source_system = 'Custodian coding'")
                .param("e", stay.encounterId()).query(String.class).list()).containsExactly("BW03ZZZ by cwf.coder");
    }

    @Test
    void refinalisingAReopenedCaseRetiresTheCodesItNoLongerHasFromTheRecord() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Reopen", "Tester", "CWF-6");
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y));
        CodedLine diabetes = work.add(coder, stay.encounterId(), CodingPass.PRIMARY,
                new NewCode.Diagnosis("E11.9", false, PresentOnAdmission.Y));
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("I10", false, PresentOnAdmission.Y));
        CodedLine procedure = work.add(coder, stay.encounterId(), CodingPass.PRIMARY,
                new NewCode.Procedure("BW03ZZZ", LocalDate.of(2019, 3, 11)));
        work.finalise(coder, stay.encounterId(), null);
        assertThat(filedDiagnoses(stay.encounterId())).containsExactly("J18.9:1:true", "E11.9:2:false", "I10:3:false");

        queue.changeStatus(coder, stay.encounterId(), CodingStatus.IN_PROGRESS, "reopened: diabetes not documented");
        work.remove(coder, stay.encounterId(), CodingPass.PRIMARY, diabetes.id());
        work.remove(coder, stay.encounterId(), CodingPass.PRIMARY, procedure.id());
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("R05", false, PresentOnAdmission.Y));
        work.finalise(coder, stay.encounterId(), null);

        assertThat(filedDiagnoses(stay.encounterId()))
                .as("the record holds the new coding only, I10 moved up to sequence 2")
                .containsExactly("J18.9:1:true", "I10:2:false", "R05:3:false");
        assertThat(jdbc.sql("SELECT count(*) FROM procedure_performed WHERE encounter_id = :e"
                        + " AND source_system = 'Custodian coding' AND NOT entered_in_error")
                .param("e", stay.encounterId()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT f.code || ':' || r.retracted_by || ':' || (r.reason LIKE 'superseded: %') FROM (
                            SELECT id, code FROM diagnosis WHERE encounter_id = :e AND entered_in_error
                            UNION ALL SELECT id, code FROM procedure_performed WHERE encounter_id = :e AND entered_in_error
                        ) f JOIN fact_retraction r ON r.fact_id = f.id ORDER BY f.code""")
                .param("e", stay.encounterId()).query(String.class).list())
                .as("retired codes stay in the record, retracted as entered in error, with who retired them and why")
                .containsExactly("BW03ZZZ:cwf.coder:true", "E11.9:cwf.coder:true", "I10:cwf.coder:true");
        assertThat(jdbc.sql("SELECT code || ':' || kind || ':' || coalesce(sequence::text, '-') || ':' || filed_by || ':'"
                        + " || retired_by || ':' || (reason LIKE 'superseded: %') FROM coding_retired_code"
                        + " WHERE encounter_id = :e ORDER BY code")
                .param("e", stay.encounterId()).query(String.class).list())
                .as("removed and re-sequenced codes are kept whole with who filed and who retired them")
                .containsExactly("BW03ZZZ:PROCEDURE:-:cwf.coder:cwf.coder:true", "E11.9:DIAGNOSIS:2:cwf.coder:cwf.coder:true",
                        "I10:DIAGNOSIS:3:cwf.coder:cwf.coder:true");
        assertThat(auditDetails(stay.patient().id())).anyMatch(d -> d.startsWith("coded 3 codes (J18.9, I10, R05)")
                && d.endsWith("3 codes filed before retired from the record as superseded"));

        queue.changeStatus(coder, stay.encounterId(), CodingStatus.IN_PROGRESS, "reopened, nothing changed");
        work.finalise(coder, stay.encounterId(), null);
        assertThat(jdbc.sql("SELECT count(*) FROM coding_retired_code WHERE encounter_id = :e")
                .param("e", stay.encounterId()).query(Integer.class).single())
                .as("finalising an unchanged coding again retires nothing").isEqualTo(3);
        assertThat(filedDiagnoses(stay.encounterId())).containsExactly("J18.9:1:true", "I10:2:false", "R05:3:false");
    }

    private List<String> filedDiagnoses(UUID encounterId) {
        return jdbc.sql("SELECT code || ':' || sequence || ':' || principal FROM diagnosis"
                        + " WHERE encounter_id = :e AND source_system = 'Custodian coding' AND NOT entered_in_error"
                        + " ORDER BY sequence")
                .param("e", encounterId).query(String.class).list();
    }

    @Test
    void anOverrideIsStoredWithTheEditsItOverrode() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Override", "Tester", "CWF-4");
        work.add(coder, stay.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("R05", true, null));
        work.finalise(coder, stay.encounterId(), "POA documented on paper face sheet");
        assertThat(jdbc.sql("SELECT reason || ' | ' || edits FROM coding_override WHERE encounter_id = :e")
                .param("e", stay.encounterId()).query(String.class).single())
                .isEqualTo("POA documented on paper face sheet | POA_MISSING at diagnosis 1 (R05)");
        assertThat(work.refresh(coder, stay.encounterId(), CodingPass.PRIMARY).overrideReason())
                .isEqualTo("POA documented on paper face sheet");
    }

    @Test
    void malformedCodesAreRefusedWithTheReason() {
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Bad", "Input", "CWF-5");
        assertThatThrownBy(() -> work.add(coder, stay.encounterId(), CodingPass.PRIMARY,
                new NewCode.Diagnosis("J18..9!", true, PresentOnAdmission.Y)))
                .isInstanceOf(CodingRefused.class).hasMessageContaining("is not a code");
        assertThatThrownBy(() -> work.add(coder, UUID.randomUUID(), CodingPass.PRIMARY,
                new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y)))
                .isInstanceOf(CodingRefused.class).hasMessageContaining("no discharged encounter");
    }

    private List<String> auditDetails(UUID patientId) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE patient_id = :p AND resource_type = 'CodingCase'")
                .param("p", patientId).query(String.class).list();
    }
}
