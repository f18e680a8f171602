package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.custodian.terminology.EncounterCodes.Poa;
import org.junit.jupiter.api.Test;

/** The CODE arguments of {@code terminology validate}: a code, optionally with its POA indicator after a colon. */
class ValidateInputTest {
    @Test
    void aPoaIndicatorAfterAColonIsSplitOff() {
        ValidateInput input = ValidateInput.of("e11.9:y");
        assertThat(input.code()).isEqualTo("e11.9");
        assertThat(input.poa()).contains(Poa.Y);
        assertThat(ValidateInput.of("Z79.4:1").poa()).contains(Poa.EXEMPT);
        assertThat(ValidateInput.of("I10").poa()).isEmpty();
        assertThat(ValidateInput.of("I10:").poa()).isEqualTo(Optional.empty());
    }

    @Test
    void theCodeOfAnArgumentIgnoresDotsCaseSpacesAndThePoaIndicator() {
        assertThat(ValidateInput.codeOf(" e11.9 :Q")).isEqualTo("E119");
        assertThat(ValidateInput.of("E11.9:N").sameCode("e119")).isTrue();
    }

    @Test
    void anUnknownPoaIndicatorIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> ValidateInput.of("E11.9:Q")).hasMessage("POA indicator 'Q' is not Y, N, U, W or 1");
    }
}
