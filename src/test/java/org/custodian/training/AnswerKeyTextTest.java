package org.custodian.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custodian.coding.CodedLine;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.junit.jupiter.api.Test;

class AnswerKeyTextTest {
    @Test
    void aTypedKeyReadsDiagnosesInSequenceWithPoaPrincipalAndDescriptions() {
        List<AnswerLine> key = AnswerKeyText.parse("""
                # sequence as coded
                dx J18.9 Y principal -- Pneumonia, unspecified organism
                dx e11.9 poa=n

                px BW03ZZZ -- Plain radiography of chest
                """);

        assertThat(key).containsExactly(
                AnswerLine.diagnosis("J189", "Pneumonia, unspecified organism", true, PresentOnAdmission.Y),
                AnswerLine.diagnosis("E119", "", false, PresentOnAdmission.N),
                AnswerLine.procedure("BW03ZZZ", "Plain radiography of chest"));
        assertThat(AnswerKeyText.parse(AnswerKeyText.format(key))).as("format and parse agree").isEqualTo(key);
    }

    @Test
    void errorsNameTheLineAndWhatIsWrong() {
        assertThatThrownBy(() -> AnswerKeyText.parse("dx J18.9\nrx E11.9"))
                .hasMessage("answer key line 2 (rx E11.9): 'rx' is neither dx (diagnosis) nor px (procedure)");
        assertThatThrownBy(() -> AnswerKeyText.parse("dx J18.9 maybe"))
                .hasMessageContaining("line 1").hasMessageContaining("'maybe' is not a POA indicator");
        assertThatThrownBy(() -> AnswerKeyText.parse("px BW03ZZZ Y"))
                .hasMessageContaining("a procedure takes no POA indicator");
        assertThatThrownBy(() -> AnswerKeyText.parse("dx"))
                .hasMessageContaining("write dx or px, then the code");
    }

    @Test
    void aKeyWithoutAPrincipalMakesTheFirstDiagnosisPrincipalAndRefusesTwo() {
        NewExercise exercise = new NewExercise(java.util.UUID.randomUUID(), "Stay",
                AnswerKeyText.parse("px BW03ZZZ\ndx I10\ndx E11.9"));
        assertThat(exercise.key()).filteredOn(AnswerLine::principal).singleElement()
                .extracting(AnswerLine::code).isEqualTo("I10");
        assertThat(exercise.key().getFirst().kind()).isEqualTo(CodedLine.Kind.PROCEDURE);
        assertThatThrownBy(() -> new NewExercise(java.util.UUID.randomUUID(), "Stay",
                AnswerKeyText.parse("dx I10 principal\ndx E11.9 principal")))
                .hasMessageContaining("marks 2 principal diagnoses");
        assertThatThrownBy(() -> new NewExercise(java.util.UUID.randomUUID(), "Stay", List.of()))
                .hasMessageContaining("at least one code");
    }
}
