package org.custodian.mpi.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.custodian.mpi.Demographics;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;

class ComparisonsTest {
    private final Preparer preparer = Preparer.standard();
    private final Comparisons comparisons = new Comparisons(Nicknames.standard());

    private Prepared person(String given, String family, String birth, String address, String phone, String ssn) {
        return preparer.prepare(new Demographics("x", given, family, birth == null ? null : LocalDate.parse(birth),
                Sex.FEMALE, address, "Boston", "MA", "02118", phone, ssn));
    }

    private String level(Field field, Prepared a, Prepared b) {
        return field.levelName(comparisons.level(field, a, b));
    }

    @Test
    void nicknamesAgreeAsNicknamesNotAsDifferentNames() {
        assertThat(level(Field.GIVEN, person("Margaret", "Lee", null, null, null, null),
                person("Peggy", "Lee", null, null, null, null))).isEqualTo("nickname");
        assertThat(level(Field.GIVEN, person("Margaret", "Lee", null, null, null, null),
                person("Susan", "Lee", null, null, null, null))).isEqualTo("different");
    }

    @Test
    void typosAndSoundAlikeFamilyNamesAreNearAgreement() {
        assertThat(level(Field.FAMILY, person("Ann", "Johnson", null, null, null, null),
                person("Ann", "Jonhson", null, null, null, null))).isEqualTo("Jaro-Winkler >= 0.92");
        assertThat(level(Field.FAMILY, person("Ann", "Garcia", null, null, null, null),
                person("Ann", "Garcia Lopez", null, null, null, null))).isEqualTo("one name of a compound");
    }

    @Test
    void daySwappedWithMonthIsItsOwnLevel() {
        assertThat(level(Field.BIRTH_DATE, person("A", "B", "1980-03-07", null, null, null),
                person("A", "B", "1980-07-03", null, null, null))).isEqualTo("day and month swapped");
        assertThat(level(Field.BIRTH_DATE, person("A", "B", "1980-03-07", null, null, null),
                person("A", "B", "1981-03-07", null, null, null))).isEqualTo("one part differs");
    }

    @Test
    void partialSsnAndPhoneCountAsPartialAgreement() {
        assertThat(level(Field.SSN, person("A", "B", null, null, null, "214-45-6789"),
                person("A", "B", null, null, null, "6789"))).startsWith("partial");
        assertThat(level(Field.SSN, person("A", "B", null, null, null, "214-45-6789"),
                person("A", "B", null, null, null, "214-54-6789"))).startsWith("partial");
        assertThat(level(Field.PHONE, person("A", "B", null, null, "617-555-0101", null),
                person("A", "B", null, null, "(508) 555-0101", null))).isEqualTo("same last 7 digits");
    }

    @Test
    void placeholderSsnIsMissingAndKeepsTheRecordFromAutoLinking() {
        Prepared zeros = person("Ann", "Lee", "1980-01-01", null, null, "000-00-0000");
        assertThat(zeros.ssn()).isNull();
        assertThat(zeros.problems()).anyMatch(p -> p.contains("placeholder"));
        assertThat(person("A", "Lee", "2999-01-01", null, null, null).problems())
                .anyMatch(p -> p.contains("single letter")).anyMatch(p -> p.contains("future"));
    }

    @Test
    void addressesAgreeAfterNormalisation() {
        assertThat(level(Field.ADDRESS, person("A", "B", null, "12 North Main Street, Apt. 4", null, null),
                person("A", "B", null, "12 N Main St Apt 4", null, null))).isEqualTo("exact");
    }
}
