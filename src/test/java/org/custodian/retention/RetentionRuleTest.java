package org.custodian.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {
    private final RetentionRule tenYearsMinorsTo18PlusThree = new RetentionRule(10, 18, 3);

    @Test
    void anAdultRecordIsKeptThroughTheLastDayAndDestroyableTheDayAfter() {
        LocalDate discharge = LocalDate.of(2010, 3, 15);
        LocalDate born = LocalDate.of(1960, 1, 1);
        assertThat(tenYearsMinorsTo18PlusThree.retainUntil(discharge, born)).isEqualTo(LocalDate.of(2020, 3, 15));
        assertThat(tenYearsMinorsTo18PlusThree.expired(discharge, born, LocalDate.of(2020, 3, 15))).isFalse();
        assertThat(tenYearsMinorsTo18PlusThree.expired(discharge, born, LocalDate.of(2020, 3, 16))).isTrue();
    }

    @Test
    void aYoungChildsRecordIsKeptUntilMajorityPlusYearsWhenThatIsLater() {
        LocalDate born = LocalDate.of(2008, 6, 1);
        LocalDate visit = LocalDate.of(2010, 1, 10);
        assertThat(tenYearsMinorsTo18PlusThree.wasMinor(visit, born)).isTrue();
        assertThat(tenYearsMinorsTo18PlusThree.retainUntil(visit, born)).isEqualTo(LocalDate.of(2029, 6, 1));
        assertThat(tenYearsMinorsTo18PlusThree.expired(visit, born, LocalDate.of(2029, 6, 1))).isFalse();
        assertThat(tenYearsMinorsTo18PlusThree.expired(visit, born, LocalDate.of(2029, 6, 2))).isTrue();
    }

    @Test
    void aTeenagersRecordFollowsTheAdultPeriodWhenThatEndsLater() {
        LocalDate born = LocalDate.of(1995, 5, 5);
        LocalDate visit = LocalDate.of(2012, 5, 4);
        assertThat(tenYearsMinorsTo18PlusThree.retainUntil(visit, born)).isEqualTo(LocalDate.of(2022, 5, 4));
    }

    @Test
    void onTheEighteenthBirthdayThePatientIsNoLongerAMinor() {
        LocalDate born = LocalDate.of(2000, 2, 29);
        assertThat(tenYearsMinorsTo18PlusThree.wasMinor(LocalDate.of(2018, 2, 27), born)).isTrue();
        assertThat(tenYearsMinorsTo18PlusThree.wasMinor(LocalDate.of(2018, 3, 1), born)).isFalse();
    }

    @Test
    void theAgeOfMajorityIsConfigurable() {
        RetentionRule majority21 = new RetentionRule(7, 21, 0);
        LocalDate born = LocalDate.of(2000, 1, 1);
        LocalDate visit = LocalDate.of(2019, 6, 1);
        assertThat(majority21.wasMinor(visit, born)).isTrue();
        assertThat(majority21.retainUntil(visit, born)).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(new RetentionRule(1, 21, 10).retainUntil(visit, born)).isEqualTo(LocalDate.of(2031, 1, 1));
    }

    @Test
    void anUnknownBirthDateUsesTheAdultPeriod() {
        assertThat(tenYearsMinorsTo18PlusThree.retainUntil(LocalDate.of(2001, 1, 1), null))
                .isEqualTo(LocalDate.of(2011, 1, 1));
    }

    @Test
    void impossibleSchedulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new RetentionRule(-1, 18, 3)).hasMessageContaining("years after last activity");
        assertThatThrownBy(() -> new RetentionRule(10, 40, 3)).hasMessageContaining("age of majority");
        assertThatThrownBy(() -> new RetentionRule(10, 18, 101)).hasMessageContaining("years after majority");
    }
}
