package org.custodian.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {
    static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void blankBoundsMeanTheTwelveMonthsEndingThisMonth() {
        assertThat(Period.parse("", null, NOW)).isEqualTo(new Period(YearMonth.of(2025, 12), NOW));
        assertThat(Period.parse(null, "2025-06", NOW)).isEqualTo(new Period(YearMonth.of(2024, 7), YearMonth.of(2025, 6)));
        assertThat(Period.parse(" 2024-01 ", "2024-03", NOW).start()).isEqualTo(java.time.LocalDate.of(2024, 1, 1));
    }

    @Test
    void badBoundsAreNamed() {
        assertThatThrownBy(() -> Period.parse("2025-13", "", NOW)).hasMessage("'2025-13' in from is not a month like 2026-01");
        assertThatThrownBy(() -> Period.parse("", "june", NOW)).hasMessage("'june' in to is not a month like 2026-01");
        assertThatThrownBy(() -> Period.parse("2026-01", "2025-01", NOW))
                .hasMessage("the period ends (2025-01) before it starts (2026-01)");
        assertThatThrownBy(() -> Period.parse("1990-01", "2026-01", NOW)).hasMessage("a period covers at most 20 years");
    }
}
