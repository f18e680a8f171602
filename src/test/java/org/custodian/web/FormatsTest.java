package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private final Formats fmt = new Formats();
    private final DateTimeFormatter usDate = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private final DateTimeFormatter usDateTime = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.US);

    @Test
    void datesAndTimesReadAsTheUsPatternsSayInTheServersZone() {
        Random random = new Random(7);
        ZoneId zone = ZoneId.systemDefault();
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L));
            assertThat(fmt.dateTime(at)).isEqualTo(usDateTime.format(at.atZone(zone)));
            assertThat(fmt.date(at)).isEqualTo(usDate.format(at.atZone(zone)));
        }
    }

    @Test
    void theFirstAndLastDaysOfTheFourDigitYearsAndBeyond() {
        for (LocalDate day : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1),
                LocalDate.of(0, 6, 15), LocalDate.of(1984, 3, 7)}) {
            assertThat(fmt.date(day)).isEqualTo(usDate.format(day));
        }
        assertThat(fmt.date(LocalDate.of(1984, 3, 7))).isEqualTo("03/07/1984");
        assertThat(fmt.date((LocalDate) null)).isEqualTo(Formats.NONE);
        assertThat(fmt.dateTime(null)).isEqualTo(Formats.NONE);
    }
}
