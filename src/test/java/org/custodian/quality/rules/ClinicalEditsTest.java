package org.custodian.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fallback sex and age edits by code range, bounds included, codes shorter than a bound compared whole. */
class ClinicalEditsTest {
    @Test
    void rangesIncludeTheirBoundsAndEverythingUnderThem() {
        assertThat(ClinicalEdits.diagnosisSex("O000")).contains(ClinicalEdits.Sex.FEMALE);
        assertThat(ClinicalEdits.diagnosisSex("O9A119")).contains(ClinicalEdits.Sex.FEMALE);
        assertThat(ClinicalEdits.diagnosisSex("N40")).contains(ClinicalEdits.Sex.MALE);
        assertThat(ClinicalEdits.diagnosisSex("N539")).contains(ClinicalEdits.Sex.MALE);
        assertThat(ClinicalEdits.diagnosisSex("N39")).isEmpty();
        assertThat(ClinicalEdits.diagnosisSex("N99")).isEmpty();
    }

    @Test
    void aFourCharacterBoundNeedsFourCharacters() {
        assertThat(ClinicalEdits.diagnosisSex("Z125")).contains(ClinicalEdits.Sex.MALE);
        assertThat(ClinicalEdits.diagnosisSex("Z1251")).contains(ClinicalEdits.Sex.MALE);
        assertThat(ClinicalEdits.diagnosisSex("Z12")).isEmpty();
        assertThat(ClinicalEdits.diagnosisSex("Z124")).isEmpty();
    }

    @Test
    void newbornAndMaternityAges() {
        assertThat(ClinicalEdits.diagnosisAge("P0701")).hasValueSatisfying(r -> assertThat(r.contains(0)).isTrue());
        assertThat(ClinicalEdits.diagnosisAge("Z3A20")).hasValueSatisfying(r -> assertThat(r.contains(65)).isFalse());
        assertThat(ClinicalEdits.diagnosisAge("J189")).isEmpty();
    }
}
