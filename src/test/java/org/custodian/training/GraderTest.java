package org.custodian.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.junit.jupiter.api.Test;

class GraderTest {
    private static final AnswerLine PNEUMONIA = AnswerLine.diagnosis("J18.9", "Pneumonia, unspecified organism", true,
            PresentOnAdmission.Y);
    private static final AnswerLine DIABETES = AnswerLine.diagnosis("E11.9", "Type 2 diabetes mellitus without complications",
            false, PresentOnAdmission.Y);
    private static final AnswerLine CHEST_XRAY = AnswerLine.procedure("BW03ZZZ", "Plain Radiography of Chest");
    private static final List<AnswerLine> KEY = List.of(PNEUMONIA, DIABETES, CHEST_XRAY);

    @Test
    void codingExactlyAsTheKeyScoresEverythingWithNoDifferences() {
        Grade grade = Grader.grade(KEY, List.of(
                AnswerLine.procedure("bw03zzz", ""),
                AnswerLine.diagnosis("E119", "", false, PresentOnAdmission.Y),
                AnswerLine.diagnosis("J18.9", "", true, PresentOnAdmission.Y)));

        // 3 codes x 2 + 2 POA + 1 principal
        assertThat(grade.maxScore()).isEqualTo(9);
        assertThat(grade.score()).isEqualTo(9);
        assertThat(grade.percent()).isEqualTo(100);
        assertThat(grade.differences()).isEmpty();
        assertThat(grade.findings()).extracting(Finding::kind).containsOnly(Finding.Kind.EXACT);
        assertThat(grade.findings().getFirst().explanation()).contains("J18.9", "exactly", "POA indicator Y is right");
    }

    @Test
    void aCodeInTheSameCategoryEarnsPartialCreditAndSaysWhatDiffers() {
        Grade grade = Grader.grade(KEY, List.of(
                AnswerLine.diagnosis("J18.1", "", true, PresentOnAdmission.Y),
                AnswerLine.diagnosis("E11.9", "", false, PresentOnAdmission.Y),
                AnswerLine.procedure("BW03YZZ", "")));

        assertThat(grade.score()).isEqualTo(9 - 2);
        assertThat(grade.differences()).extracting(Finding::kind)
                .containsExactly(Finding.Kind.CATEGORY, Finding.Kind.CATEGORY);
        Finding pneumonia = grade.differences().getFirst();
        assertThat(pneumonia.expected()).isEqualTo("J18.9");
        assertThat(pneumonia.given()).isEqualTo("J18.1");
        assertThat(pneumonia.explanation()).contains("same category J18", "Pneumonia, unspecified organism");
        assertThat(grade.differences().get(1).explanation()).contains("root operation");
    }

    @Test
    void theWrongPrincipalDiagnosisIsASequencingError() {
        Grade grade = Grader.grade(KEY, List.of(
                AnswerLine.diagnosis("J18.9", "", false, PresentOnAdmission.Y),
                AnswerLine.diagnosis("E11.9", "", true, PresentOnAdmission.Y),
                AnswerLine.procedure("BW03ZZZ", "")));

        assertThat(grade.score()).isEqualTo(8);
        assertThat(grade.differences()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.SEQUENCING);
            assertThat(f.expected()).isEqualTo("J18.9");
            assertThat(f.given()).isEqualTo("E11.9");
            assertThat(f.explanation()).contains("sequenced E11.9 as the principal diagnosis instead of J18.9",
                    "chiefly responsible");
        });
    }

    @Test
    void noPrincipalMarkedIsASequencingErrorToo() {
        Grade grade = Grader.grade(List.of(PNEUMONIA), List.of(AnswerLine.diagnosis("J18.9", "", false,
                PresentOnAdmission.Y)));

        assertThat(grade.differences()).singleElement().extracting(Finding::explanation).asString()
                .contains("marked no principal diagnosis");
    }

    @Test
    void aWrongPoaIndicatorLosesItsPointAndExplainsBothIndicators() {
        Grade grade = Grader.grade(List.of(PNEUMONIA, DIABETES), List.of(
                AnswerLine.diagnosis("J18.9", "", true, PresentOnAdmission.N),
                AnswerLine.diagnosis("E11.9", "", false, null)));

        assertThat(grade.score()).isEqualTo(4 + 1);
        assertThat(grade.differences()).extracting(Finding::kind).containsExactly(Finding.Kind.POA, Finding.Kind.POA);
        assertThat(grade.differences().getFirst().explanation())
                .contains("should be Y (present at the time of inpatient admission)", "you gave N (not present");
        assertThat(grade.differences().get(1).explanation()).contains("you gave none");
    }

    @Test
    void missingAndExtraCodesAreNamedAndExtrasCostAPoint() {
        Grade grade = Grader.grade(KEY, List.of(
                AnswerLine.diagnosis("J18.9", "", true, PresentOnAdmission.Y),
                AnswerLine.diagnosis("R05.9", "", false, PresentOnAdmission.Y),
                AnswerLine.procedure("BW03ZZZ", "")));

        assertThat(grade.differences()).extracting(Finding::kind)
                .containsExactly(Finding.Kind.MISSING, Finding.Kind.EXTRA);
        assertThat(grade.differences().getFirst().explanation()).contains("did not code the diagnosis E11.9");
        assertThat(grade.differences().get(1).given()).isEqualTo("R05.9");
        assertThat(grade.differences().get(1).points()).isEqualTo(-1);
        // J18.9 3 + principal 1 + BW03ZZZ 2 - 1 extra
        assertThat(grade.score()).isEqualTo(5);
    }

    @Test
    void theScoreNeverGoesBelowZero() {
        Grade grade = Grader.grade(List.of(CHEST_XRAY), List.of(AnswerLine.diagnosis("I10", "", false, null),
                AnswerLine.diagnosis("R50.9", "", false, null)));

        assertThat(grade.score()).isZero();
        assertThat(grade.percent()).isZero();
    }

    @Test
    void aKeyLineRejectsWhatIsNotACodeAndPoaOnAProcedure() {
        assertThatThrownBy(() -> AnswerLine.diagnosis("J1", "", false, null))
                .hasMessageContaining("'J1' is not an ICD-10 code");
        assertThatThrownBy(() -> new AnswerLine(org.custodian.coding.CodedLine.Kind.PROCEDURE, "BW03ZZZ", "", false,
                PresentOnAdmission.Y)).hasMessageContaining("takes no principal flag or POA");
    }
}
