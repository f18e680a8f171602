package org.custodian.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.coding.CodingPass;
import org.custodian.coding.CodingRefused;
import org.custodian.coding.CodingStatus;
import org.custodian.coding.CodingWork;
import org.custodian.coding.NewCode;
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

/**
 * A trainer builds a set on a sandbox encounter and assigns it; two trainees each code their own copy
 * in the real coding service and submit; the grades, the trainer's progress view and the common
 * mistakes follow, and every training action is in the audit trail under its own tag.
 */
@IntegrationTest
class TrainingWorkflowTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    TrainingSandbox sandbox;
    @Autowired
    TrainingExercises exercises;
    @Autowired
    TrainingAttempts attempts;
    @Autowired
    TrainingReports reports;
    @Autowired
    CodingWork coding;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path codeSets;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private CodingFixtures fixtures;
    private CodingFixtures.Stay stay;
    private CustodianUser trainer;

    @BeforeEach
    void sandboxWithOneStay() {
        fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        Facility facility = sandbox.ensureFacility();
        stay = fixtures.stay(facility, "Sandy", "Trainwell" + run, "TW-" + run);
        trainer = fixtures.user("tw.trainer." + run, Role.TRAINER);
    }

    @Test
    void eachTraineeCodesTheirOwnCopyAndIsGradedAgainstTheKey() {
        CustodianUser ana = fixtures.user("tw.ana." + run, Role.TRAINEE);
        CustodianUser ben = fixtures.user("tw.ben." + run, Role.TRAINEE);
        UUID set = exercises.createSet(trainer, new NewExerciseSet("Pneumonia " + run, "Respiratory", Difficulty.BEGINNER));
        UUID exercise = exercises.addExercise(trainer, set, new NewExercise(stay.encounterId(), "Pneumonia stay",
                AnswerKeyText.parse("dx J18.9 Y principal -- Pneumonia, unspecified organism\ndx E11.9 Y\npx BW03ZZZ")));
        exercises.assign(trainer, set, ana.getUsername());
        exercises.assign(trainer, set, ben.getUsername());

        Attempt anaAttempt = attempts.start(ana, exercise);
        Attempt benAttempt = attempts.start(ben, exercise);
        assertThat(anaAttempt.encounterId()).isNotEqualTo(benAttempt.encounterId()).isNotEqualTo(stay.encounterId());
        assertThat(attempts.start(ana, exercise).id()).as("starting again resumes").isEqualTo(anaAttempt.id());
        assertThat(coding.open(ana, anaAttempt.encounterId(), CodingPass.PRIMARY).documents())
                .as("the copy carries the notes").hasSize(1);

        coding.add(ana, anaAttempt.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("J18.9", true, PresentOnAdmission.Y));
        coding.add(ana, anaAttempt.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("E11.9", false, PresentOnAdmission.Y));
        coding.add(ana, anaAttempt.encounterId(), CodingPass.PRIMARY, new NewCode.Procedure("BW03ZZZ", CodingFixtures.ADMITTED));
        coding.add(ben, benAttempt.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("J18.1", true, PresentOnAdmission.N));
        coding.add(ben, benAttempt.encounterId(), CodingPass.PRIMARY, new NewCode.Diagnosis("R05", false, null));

        Grade anaGrade = attempts.submit(ana, anaAttempt.id(), null).grade();
        assertThatThrownBy(() -> attempts.submit(ben, benAttempt.id(), null))
                .as("R05 has no POA: the real edit check refuses to finalise without a reason")
                .isInstanceOf(CodingRefused.class).hasMessageContaining("present-on-admission");
        assertThat(attempts.view(ben, benAttempt.id()).attempt().graded()).isFalse();
        Grade benGrade = attempts.submit(ben, benAttempt.id(), "POA not documented for the cough").grade();
        assertThat(coding.open(ana, anaAttempt.encounterId(), CodingPass.PRIMARY).status())
                .as("submitting finalised the trainee's copy").isEqualTo(CodingStatus.CODED);
        assertThat(coding.open(ben, benAttempt.encounterId(), CodingPass.PRIMARY).status()).isEqualTo(CodingStatus.CODED);
        assertThat(jdbc.sql("SELECT reason || ' / ' || edits FROM coding_override WHERE encounter_id = :e")
                .param("e", benAttempt.encounterId()).query(String.class).single())
                .startsWith("POA not documented for the cough / POA_MISSING");
        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis WHERE encounter_id = :e")
                .param("e", anaAttempt.encounterId()).query(Long.class).single())
                .as("the finalised codes are filed on the trainee's copy only").isEqualTo(2);
        assertThat(anaGrade.percent()).isEqualTo(100);
        assertThat(benGrade.differences()).extracting(Finding::kind).containsExactly(Finding.Kind.CATEGORY,
                Finding.Kind.POA, Finding.Kind.MISSING, Finding.Kind.MISSING, Finding.Kind.EXTRA);
        assertThat(benGrade.score()).isEqualTo(1 + 1 - 1);

        List<TrainingReports.TraineeProgress> progress = reports.progress(trainer, set);
        assertThat(progress).extracting(TrainingReports.TraineeProgress::trainee)
                .containsExactlyInAnyOrder(ana.getUsername(), ben.getUsername());
        assertThat(progress).filteredOn(p -> p.trainee().equals(ana.getUsername())).singleElement()
                .extracting(TrainingReports.TraineeProgress::averagePercent).isEqualTo(100);
        assertThat(reports.commonMistakes(trainer, set, 10)).extracting(CommonMistake::kind, CommonMistake::code)
                .contains(org.assertj.core.groups.Tuple.tuple(Finding.Kind.EXTRA, "R05"),
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.MISSING, "E11.9"));

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE username = :u AND resource_type = 'Training'
                   AND detail LIKE 'training: %graded%'""").param("u", ben.getUsername()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT DISTINCT roles FROM audit_event WHERE username = :u AND resource_type = 'CodingCase'")
                .param("u", ben.getUsername()).query(String.class).list()).containsExactly("TRAINEE");
    }

    @Test
    void anotherTraineesAttemptAndAnUnassignedExerciseAreNotFound() {
        CustodianUser ana = fixtures.user("tw.ana2." + run, Role.TRAINEE);
        CustodianUser cal = fixtures.user("tw.cal." + run, Role.TRAINEE);
        UUID set = exercises.createSet(trainer, new NewExerciseSet("Set " + run, "Sequencing", Difficulty.ADVANCED));
        UUID exercise = exercises.addExercise(trainer, set, new NewExercise(stay.encounterId(), "Stay",
                List.of(AnswerLine.diagnosis("J18.9", "", true, PresentOnAdmission.Y))));
        exercises.assign(trainer, set, ana.getUsername());
        Attempt attempt = attempts.start(ana, exercise);

        assertThatThrownBy(() -> attempts.start(cal, exercise)).isInstanceOf(TrainingNotFound.class);
        assertThatThrownBy(() -> attempts.submit(cal, attempt.id(), null)).isInstanceOf(TrainingNotFound.class);
        assertThatThrownBy(() -> attempts.view(cal, attempt.id())).isInstanceOf(TrainingDenied.class);
        assertThatThrownBy(() -> attempts.submit(ana, attempt.id(), null))
                .hasMessageContaining("code the encounter in the coding screen");
        assertThatThrownBy(() -> exercises.assign(trainer, set, trainer.getUsername()))
                .hasMessageContaining("is not a trainee's account");
        assertThatThrownBy(() -> exercises.createSet(ana, new NewExerciseSet("x", "y", Difficulty.BEGINNER)))
                .isInstanceOf(TrainingDenied.class);
    }

    @Test
    void anExerciseCannotBeBuiltOnARealFacilitysEncounter() {
        Facility real = fixtures.hospital("TW-REAL-" + run.toUpperCase(java.util.Locale.ROOT));
        CodingFixtures.Stay realStay = fixtures.stay(real, "Rhea", "Realperson" + run, "RR-" + run);
        UUID set = exercises.createSet(trainer, new NewExerciseSet("Real " + run, "Respiratory", Difficulty.BEGINNER));

        assertThatThrownBy(() -> exercises.addExercise(trainer, set, new NewExercise(realStay.encounterId(), "Real stay",
                List.of(AnswerLine.diagnosis("J18.9", "", true, PresentOnAdmission.Y)))))
                .hasMessageContaining("is not in the training sandbox");
        assertThatThrownBy(() -> exercises.suggestedKey(trainer, realStay.encounterId()))
                .hasMessageContaining("is not in the training sandbox");
        assertThat(sandbox.encounters(trainer, 500)).extracting(SandboxEncounter::encounterId)
                .contains(stay.encounterId()).doesNotContain(realStay.encounterId());
    }
}
